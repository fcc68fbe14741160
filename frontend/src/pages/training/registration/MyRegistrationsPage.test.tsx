import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { clearSession } from '../../../auth/session';
import { makeUser, renderWithAuth } from '../../../test/renderWithAuth';
import { MyRegistrationsPage } from './MyRegistrationsPage';
import { mine } from './testData';

afterEach(() => {
  clearSession();
  vi.restoreAllMocks();
});

describe('MyRegistrationsPage', () => {
  it('lists my registrations with their states and links to the series', async () => {
    renderWithAuth(<MyRegistrationsPage />, makeUser(['VIEWER']), '/me/registrations', async (input) => {
      if (String(input).startsWith('/api/training/registrations/mine')) {
        return Response.json({
          items: [mine(), mine({ id: 8, seriesId: 6, seriesTitle: '广西惠企政策直播培训', state: 'PENDING', stateLabel: '待审核' }),
            mine({ id: 7, seriesId: 7, seriesTitle: '限额培训', state: 'WAITLISTED', position: 2 })],
          next: null,
        });
      }
      return Response.json(makeUser(['VIEWER']));
    });
    await waitFor(() => expect(screen.getAllByTestId('my-registration')).toHaveLength(3));
    const items = screen.getAllByTestId('my-registration');
    expect(items[0].textContent).toContain('已报名');
    expect(items[1].textContent).toContain('待审核');
    expect(items[2].textContent).toContain('候补第 2 位');
    expect(screen.getByText('广西惠企政策直播培训').closest('a')?.getAttribute('href')).toBe('/training/series/6');
  });

  it('says so when there is none', async () => {
    renderWithAuth(<MyRegistrationsPage />, makeUser(['VIEWER']), '/me/registrations', async (input) =>
      String(input).startsWith('/api/training/registrations/mine') ? Response.json({ items: [], next: null }) : Response.json(makeUser(['VIEWER'])));
    expect(await screen.findByText(/还没有报名任何培训/)).toBeTruthy();
  });
});
