import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeRealtime } from '../../test/realtime';
import { makeUser, renderWithAuth } from '../../test/renderWithAuth';
import { LiveSalesFigures } from './LiveSalesFigures';

describe('LiveSalesFigures', () => {
  it('starts from the HTTP figures and follows the merchant topic', async () => {
    const realtime = fakeRealtime();
    const merchant = makeUser(['MERCHANT']);
    renderWithAuth(realtime.wrap(<LiveSalesFigures sessionId={42} />), merchant, '/', async (input) =>
      String(input).startsWith('/api/merchant/orders/figures')
        ? Response.json({ sessionId: 42, orders: 3, gmvFen: 17700, at: '2026-11-23T04:00:00Z' })
        : Response.json(merchant));
    await waitFor(() => expect(screen.getByTestId('sales-orders').textContent).toBe('3'));
    expect(screen.getByTestId('sales-gmv').textContent).toBe('¥177.00');
    await realtime.connect();
    expect(realtime.fake.live('/topic/merchant/live/42/sales')).toHaveLength(1);
    realtime.deliver('/topic/merchant/live/42/sales', { sessionId: 42, orders: 12345, gmvFen: 99900, at: '2026-11-23T04:00:01Z' });
    expect(screen.getByTestId('sales-orders').textContent).toBe('1.2万');
    expect(screen.getByTestId('sales-gmv').textContent).toBe('¥999.00');
  });
});
