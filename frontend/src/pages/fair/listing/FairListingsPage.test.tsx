import { fireEvent, screen, waitFor } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { makeUser, renderWithAuth } from '../../../test/renderWithAuth';
import { FairListingsPage } from './FairListingsPage';
import { industries, listing } from './testData';

const viewer = makeUser(['VIEWER']);

describe('FairListingsPage', () => {
  it('asks for the fair’s listings with the search and filters, amounts in fen', async () => {
    const urls: string[] = [];
    renderWithAuth(
      <Routes><Route path="/fairs/:id/listings" element={<FairListingsPage />} /></Routes>,
      viewer, '/fairs/7/listings', async (input) => {
        const url = String(input);
        if (url.startsWith('/api/fair-industries')) return Response.json(industries);
        if (url.startsWith('/api/fairs/7/listings')) {
          urls.push(url);
          return Response.json({ items: [listing(urls.length)], next: null });
        }
        return Response.json(viewer);
      });
    await waitFor(() => expect(urls).toHaveLength(1));
    expect(urls[0]).toBe('/api/fairs/7/listings?limit=20');

    fireEvent.change(screen.getByLabelText('搜索供需'), { target: { value: ' 压铸 ' } });
    fireEvent.click(screen.getByTestId('filters-toggle'));
    await waitFor(() => expect(screen.getByRole('option', { name: '制造业' })).toBeTruthy());
    fireEvent.change(screen.getByTestId('filter-category-section'), { target: { value: 'C' } });
    fireEvent.change(screen.getByTestId('filter-category-division'), { target: { value: 'C36' } });
    fireEvent.change(screen.getByLabelText('地区'), { target: { value: '合肥' } });
    fireEvent.change(screen.getByLabelText('最低金额（万元）'), { target: { value: '20' } });
    fireEvent.change(screen.getByLabelText('最高金额（万元）'), { target: { value: '40' } });
    fireEvent.click(screen.getByTestId('filters-apply'));
    await waitFor(() => expect(urls).toHaveLength(2));
    const query = new URLSearchParams(urls[1].split('?')[1]);
    expect(Object.fromEntries(query)).toEqual({ q: '压铸', category: 'C36', region: '合肥', amountMin: '20000000',
      amountMax: '40000000', limit: '20' });

    // a side chip applies at once
    fireEvent.click(screen.getByTestId('filter-side-DEMAND'));
    await waitFor(() => expect(urls).toHaveLength(3));
    expect(new URLSearchParams(urls[2].split('?')[1]).get('side')).toBe('DEMAND');

    // a reversed range is caught before asking
    fireEvent.change(screen.getByLabelText('最低金额（万元）'), { target: { value: '90' } });
    fireEvent.click(screen.getByTestId('filters-apply'));
    expect(screen.getByTestId('filter-error').textContent).toBe('最高金额不能低于最低金额');
    expect(urls).toHaveLength(3);

    fireEvent.click(screen.getByTestId('filters-reset'));
    await waitFor(() => expect(urls).toHaveLength(4));
    expect(urls[3]).toBe('/api/fairs/7/listings?limit=20');
  });

  it('shows the refusal of an enterprise not yet approved', async () => {
    renderWithAuth(
      <Routes><Route path="/fairs/:id/listings" element={<FairListingsPage />} /></Routes>,
      viewer, '/fairs/7/listings', async (input) => {
        const url = String(input);
        if (url.startsWith('/api/fair-industries')) return Response.json(industries);
        if (url.startsWith('/api/fairs/7/listings')) {
          return Response.json({ type: 'https://livehall.io/problems/fair-approval-required', title: 'Forbidden', status: 403,
            detail: '你的企业通过本场对接会的审核后才能使用此功能' }, { status: 403, headers: { 'Content-Type': 'application/problem+json' } });
        }
        return Response.json(viewer);
      });
    await waitFor(() => expect(screen.getByTestId('form-alert').textContent).toBe('你的企业通过本场对接会的审核后才能使用此功能'));
  });
});
