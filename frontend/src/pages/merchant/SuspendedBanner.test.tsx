import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeUser, renderWithAuth } from '../../test/renderWithAuth';
import { MerchantOrdersPage } from './MerchantOrdersPage';
import { profile } from './testData';

const merchant = makeUser(['VIEWER', 'MERCHANT']);

function renderOrders(status: 'ACTIVE' | 'SUSPENDED') {
  return renderWithAuth(<MerchantOrdersPage />, merchant, '/merchant/orders', async (input) => {
    const url = new URL(String(input), 'http://localhost');
    if (url.pathname === '/api/merchant/profile') return Response.json(profile({ status }));
    if (url.pathname === '/api/merchant/orders' || url.pathname === '/api/merchant/live-sessions') {
      return Response.json({ items: [], next: null });
    }
    return Response.json(merchant);
  });
}

describe('SuspendedBanner', () => {
  it('tells a suspended merchant on its console pages what it may still do', async () => {
    renderOrders('SUSPENDED');
    const banner = await screen.findByTestId('suspended-banner');
    expect(banner.getAttribute('role')).toBe('alert');
    expect(banner.textContent).toContain('已被组织方暂停营业');
    expect(banner.textContent).toContain('已付款的订单请照常发货');
  });

  it('shows nothing while the merchant is active', async () => {
    const { fetch } = renderOrders('ACTIVE');
    await waitFor(() => expect(fetch.mock.calls.map(([u]) => String(u))).toContain('/api/merchant/profile'));
    await screen.findByTestId('merchant-orders');
    expect(screen.queryByTestId('suspended-banner')).toBeNull();
  });
});
