import { act, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeRealtime } from '../../test/realtime';
import { makeUser, renderWithAuth } from '../../test/renderWithAuth';
import { OrderTicker, TICKER_SHOW_MS } from './OrderTicker';

afterEach(() => vi.useRealTimers());

describe('OrderTicker', () => {
  it('shows each aggregated message for a few seconds', async () => {
    const realtime = fakeRealtime();
    renderWithAuth(realtime.wrap(<OrderTicker sessionId={42} />), makeUser(['VIEWER']));
    await realtime.connect();
    expect(realtime.fake.live('/topic/live/42/orders')).toHaveLength(1);
    vi.useFakeTimers();
    realtime.deliver('/topic/live/42/orders', {
      sessionId: 42, names: ['张**', '李**'], count: 10, text: '张**等10人刚刚下单', at: '2026-11-23T04:05:06Z',
    });
    expect(screen.getByTestId('order-ticker').textContent).toContain('张**等10人刚刚下单');
    act(() => vi.advanceTimersByTime(TICKER_SHOW_MS + 10));
    expect(screen.getByTestId('order-ticker').textContent).toBe('');
  });
});
