import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Order } from '../../api/orders';
import { makeUser, renderWithAuth } from '../../test/renderWithAuth';
import { sessionCard } from '../live/testData';
import { MerchantOrdersPage } from './MerchantOrdersPage';

const merchant = makeUser(['VIEWER', 'MERCHANT']);

const session = (id: number, title: string) => sessionCard(id, { title, startsAt: '2026-11-23T12:00:00Z', status: 'ENDED' });

const order = (id: number, sessionId: number | null): Order => ({
  id,
  buyerId: 9,
  merchantId: 3,
  productId: 5,
  productName: '紫阳富硒茶 200g',
  dealId: null,
  sessionId,
  quoteId: null,
  quantity: 1,
  unitPriceFen: 12800,
  totalFen: 12800,
  status: 'CREATED',
  recipientName: '张三',
  recipientPhone: '13800000000',
  address: '西安市雁塔区',
  paymentMethod: 'OFFLINE',
  paymentReference: null,
  payBy: '2026-11-23T13:00:00Z',
  paidAt: null,
  shippedAt: null,
  carrier: null,
  trackingNo: null,
  completedAt: null,
  cancelledAt: null,
  cancelReason: null,
  cancelledBy: null,
  createdAt: '2026-11-23T12:10:00Z',
});

describe('MerchantOrdersPage', () => {
  it('filters by one of the merchant’s live sessions, chosen by title', async () => {
    const { fetch } = renderWithAuth(<MerchantOrdersPage />, merchant, '/merchant/orders', async (input) => {
      const url = new URL(String(input), 'http://localhost');
      if (url.pathname === '/api/merchant/live-sessions') {
        expect(url.searchParams.get('limit')).toBe('100');
        return Response.json({ items: [session(7, '开馆首播'), session(6, '冬季专场')], next: null });
      }
      if (url.pathname === '/api/merchant/orders') {
        const bySession = url.searchParams.get('sessionId');
        return Response.json({ items: bySession === '6' ? [order(2, 6)] : [order(1, 7), order(2, 6)], next: null });
      }
      return Response.json(merchant);
    });
    await waitFor(() => expect(screen.getAllByTestId('merchant-order-row')).toHaveLength(2));
    const select = screen.getByLabelText('直播场次') as HTMLSelectElement;
    await waitFor(() => expect(select.options).toHaveLength(3));
    expect(Array.from(select.options).map((o) => o.textContent)).toEqual([
      '全部直播场次',
      '开馆首播 · 2026/11/23 20:00',
      '冬季专场 · 2026/11/23 20:00',
    ]);

    fireEvent.change(select, { target: { value: '6' } });

    await waitFor(() => expect(screen.getAllByTestId('merchant-order-row')).toHaveLength(1));
    const last = fetch.mock.calls.map(([u]) => String(u)).filter((u) => u.startsWith('/api/merchant/orders')).pop();
    expect(new URL(last!, 'http://localhost').searchParams.get('sessionId')).toBe('6');
  });
});
