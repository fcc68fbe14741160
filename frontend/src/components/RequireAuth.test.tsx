import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeUser, renderWithAuth } from '../test/renderWithAuth';
import { RequireAuth } from './RequireAuth';

describe('RequireAuth', () => {
  it('lets a user with the role in', () => {
    renderWithAuth(<RequireAuth role="ORGANISER"><p>看板</p></RequireAuth>, makeUser(['ORGANISER']));
    expect(screen.getByText('看板')).toBeTruthy();
  });

  it('lets admins open organiser pages, as the API lets them run any event', () => {
    renderWithAuth(<RequireAuth role="ORGANISER"><p>看板</p></RequireAuth>, makeUser(['ADMIN']));
    expect(screen.getByText('看板')).toBeTruthy();
    expect(screen.queryByTestId('forbidden')).toBeNull();
  });

  it('does not let admins act as a merchant', () => {
    renderWithAuth(<RequireAuth role="MERCHANT"><p>商品</p></RequireAuth>, makeUser(['ADMIN']));
    expect(screen.queryByText('商品')).toBeNull();
    expect(screen.getByTestId('forbidden').textContent).toContain('此页面仅限商家访问');
  });

  it('tells a viewer the page is for organisers', () => {
    renderWithAuth(<RequireAuth role="ORGANISER"><p>看板</p></RequireAuth>, makeUser(['VIEWER']));
    expect(screen.getByTestId('forbidden').textContent).toContain('此页面仅限组织方访问');
  });
});
