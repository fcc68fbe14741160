import { fireEvent, screen, waitFor, within } from '@testing-library/react';
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

  const ordersHandler = (list: Order[], onPost: (path: string, body: unknown) => Response) =>
    async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(String(input), 'http://localhost');
      if (init?.method === 'POST') return onPost(url.pathname, init.body ? JSON.parse(String(init.body)) : undefined);
      if (url.pathname === '/api/merchant/live-sessions') return Response.json({ items: [], next: null });
      if (url.pathname === '/api/merchant/orders') return Response.json({ items: list, next: null });
      return Response.json(merchant);
    };

  it('cancels nothing when the cancel dialog is dismissed, and cancels with the reason when confirmed', async () => {
    const posts: Array<[string, unknown]> = [];
    const { fetch } = renderWithAuth(<MerchantOrdersPage />, merchant, '/merchant/orders', ordersHandler([order(1, null)], (path, body) => {
      posts.push([path, body]);
      return Response.json({ ...order(1, null), status: 'CANCELLED', cancelReason: '缺货' });
    }));
    await waitFor(() => expect(screen.getAllByTestId('merchant-order-row')).toHaveLength(1));

    fireEvent.click(screen.getByTestId('cancel-order'));
    const dialog = screen.getByRole('dialog', { name: '取消订单' });
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    fireEvent.click(screen.getByTestId('cancel-order'));
    fireEvent.click(screen.getByTestId('dialog-cancel'));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(posts).toEqual([]);
    expect(fetch.mock.calls.some(([, init]) => init?.method === 'POST')).toBe(false);
    expect(screen.getByTestId('merchant-order-row').textContent).toContain('待付款');

    fireEvent.click(screen.getByTestId('cancel-order'));
    fireEvent.change(screen.getByLabelText(/取消原因/), { target: { value: ' 缺货 ' } });
    fireEvent.click(screen.getByTestId('dialog-submit'));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(posts).toEqual([['/api/merchant/orders/1/cancel', { reason: '缺货' }]]);
    expect(screen.getByTestId('merchant-order-row').textContent).toContain('已取消');
  });

  it('confirms a payment only with a reference', async () => {
    const posts: Array<[string, unknown]> = [];
    renderWithAuth(<MerchantOrdersPage />, merchant, '/merchant/orders', ordersHandler([order(1, null)], (path, body) => {
      posts.push([path, body]);
      return Response.json({ ...order(1, null), status: 'PAID', paymentReference: 'BANK-1' });
    }));
    await waitFor(() => expect(screen.getAllByTestId('merchant-order-row')).toHaveLength(1));
    fireEvent.click(screen.getByTestId('confirm-payment'));
    fireEvent.click(screen.getByTestId('dialog-submit'));
    expect(screen.getByTestId('error-reference').textContent).toBe('请填写收款凭证号');
    expect(posts).toEqual([]);
    fireEvent.change(screen.getByLabelText('收款凭证号'), { target: { value: 'BANK-1' } });
    fireEvent.click(screen.getByTestId('dialog-submit'));
    await waitFor(() => expect(posts).toEqual([['/api/merchant/orders/1/confirm-payment', { reference: 'BANK-1' }]]));
  });

  it('ships with a listed carrier and a checked tracking number, and shows the server’s field error', async () => {
    const posts: Array<[string, unknown]> = [];
    let answer = () =>
      Response.json(
        { type: 'about:blank', title: 'Bad Request', status: 400, detail: '请求参数有误', errors: [{ field: 'trackingNo', message: '快递单号只能包含字母、数字和连字符' }] },
        { status: 400, headers: { 'content-type': 'application/problem+json' } },
      );
    renderWithAuth(<MerchantOrdersPage />, merchant, '/merchant/orders', ordersHandler([{ ...order(1, null), status: 'PAID' }], (path, body) => {
      posts.push([path, body]);
      return answer();
    }));
    await waitFor(() => expect(screen.getAllByTestId('merchant-order-row')).toHaveLength(1));
    fireEvent.click(screen.getByTestId('ship-order'));
    const dialog = screen.getByRole('dialog', { name: '发货' });
    const carrier = within(dialog).getByLabelText('快递公司') as HTMLSelectElement;
    expect(Array.from(carrier.options).map((o) => o.value)).toEqual(expect.arrayContaining(['顺丰速运', '中国邮政 EMS', '京东物流', '极兔速递']));

    fireEvent.change(within(dialog).getByLabelText('快递单号'), { target: { value: 'SF 12' } });
    fireEvent.click(screen.getByTestId('dialog-submit'));
    expect(screen.getByTestId('error-carrier').textContent).toBe('请选择快递公司');
    expect(screen.getByTestId('error-trackingNo').textContent).toBe('快递单号为 8-30 位');
    expect(posts).toEqual([]);

    fireEvent.change(carrier, { target: { value: '顺丰速运' } });
    fireEvent.change(within(dialog).getByLabelText('快递单号'), { target: { value: 'SF1234567890' } });
    fireEvent.click(screen.getByTestId('dialog-submit'));
    await waitFor(() => expect(screen.getByTestId('error-trackingNo').textContent).toBe('快递单号只能包含字母、数字和连字符'));
    expect(posts).toEqual([['/api/merchant/orders/1/ship', { carrier: '顺丰速运', trackingNo: 'SF1234567890' }]]);

    answer = () => Response.json({ ...order(1, null), status: 'SHIPPED', carrier: '顺丰速运', trackingNo: 'SF1234567890' });
    fireEvent.click(screen.getByTestId('dialog-submit'));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.getByTestId('merchant-order-row').textContent).toContain('顺丰速运 SF1234567890');
  });
});
