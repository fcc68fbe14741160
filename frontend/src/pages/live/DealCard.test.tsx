import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { FlashDeal } from '../../api/orders';
import { fakeRealtime } from '../../test/realtime';
import { makeUser, renderWithAuth } from '../../test/renderWithAuth';
import { RECIPIENT_KEY } from '../orders/buying';
import { DealCard, DealPanel, dealStatusAt } from './DealCard';

const me = makeUser(['VIEWER'], { id: 7 });

function deal(over: Partial<FlashDeal> = {}): FlashDeal {
  const now = Date.now();
  return {
    id: 5, sessionId: 42, productId: 9, productName: '东裕茗茶 明前特级', listPriceFen: 9900, priceFen: 5900,
    quantity: 100, perBuyerLimit: 1, stockLeft: 100, startsAt: new Date(now - 1000).toISOString(),
    endsAt: new Date(now + 75_000).toISOString(), status: 'OPEN', at: new Date(now).toISOString(), ...over,
  };
}

type Call = { url: string; init?: RequestInit };

function renderCard(answers: Array<() => Promise<Response>> = [], user = me as typeof me | null) {
  const realtime = fakeRealtime();
  const calls: Call[] = [];
  const view = renderWithAuth(realtime.wrap(<DealCard sessionId={42} />), user, '/live/42', async (input, init) => {
    const url = String(input);
    calls.push({ url, init });
    if (url.includes('/flash-deal')) return new Response(null, { status: 204 });
    if (url.startsWith('/api/orders')) return (answers.shift() ?? (() => Promise.resolve(Response.json({}))))();
    return Response.json(user);
  });
  return { ...realtime, ...view, calls };
}

const problem = (status: number, code: string, detail: string) => () =>
  Promise.resolve(new Response(JSON.stringify({ type: `https://livehall.io/problems/${code}`, status, detail }),
    { status, headers: { 'Content-Type': 'application/problem+json' } }));

describe('DealCard', () => {
  it('shows the live price, countdown and stock from the deals topic', async () => {
    const { connect, deliver, fake } = renderCard();
    expect(screen.queryByTestId('deal-card')).toBeNull();
    await connect();
    expect(fake.live('/topic/live/42/deals')).toHaveLength(1);
    deliver('/topic/live/42/deals', deal());
    expect(screen.getByTestId('deal-price').textContent).toBe('¥59.00');
    expect(screen.getByTestId('deal-stock').textContent).toBe('剩余 100 / 100 件');
    expect(screen.getByTestId('deal-countdown').textContent).toMatch(/^距结束 01:1[4-6]$/);
    deliver('/topic/live/42/deals', deal({ stockLeft: 37, at: new Date(Date.now() + 1).toISOString() }));
    expect(screen.getByTestId('deal-stock').textContent).toBe('剩余 37 / 100 件');
    deliver('/topic/live/42/deals', deal({ stockLeft: 0, status: 'SOLD_OUT', at: new Date(Date.now() + 2).toISOString() }));
    expect(screen.getByTestId('deal-note').textContent).toBe('手慢了，已抢光');
    expect(screen.queryByTestId('deal-buy')).toBeNull();
  });

  it('shows the merchant the same figures without buying', () => {
    renderWithAuth(<DealPanel deal={deal({ stockLeft: 63 })} status="OPEN" now={Date.now()} seller />, makeUser(['MERCHANT']));
    expect(screen.getByTestId('deal-stock').textContent).toBe('剩余 63 / 100 件');
    expect(screen.getByTestId('deal-note').textContent).toBe('秒杀进行中，已售 37 件');
    expect(screen.queryByTestId('deal-buy')).toBeNull();
    expect(screen.queryByText('登录后抢购')).toBeNull();
  });

  it('works out the status from the clock', () => {
    const d = deal({ startsAt: '2026-01-01T00:00:10Z', endsAt: '2026-01-01T00:01:10Z' });
    expect(dealStatusAt(d, Date.parse('2026-01-01T00:00:00Z'))).toBe('UPCOMING');
    expect(dealStatusAt(d, Date.parse('2026-01-01T00:00:30Z'))).toBe('OPEN');
    expect(dealStatusAt({ ...d, stockLeft: 0 }, Date.parse('2026-01-01T00:00:30Z'))).toBe('SOLD_OUT');
    expect(dealStatusAt(d, Date.parse('2026-01-01T00:01:10Z'))).toBe('ENDED');
  });

  it('buys with one Idempotency-Key per attempt, reused when the outcome was unknown', async () => {
    localStorage.setItem(RECIPIENT_KEY, JSON.stringify({ name: '张三', phone: '13800138000', address: '西安市雁塔区' }));
    const { connect, deliver, calls } = renderCard([
      () => Promise.reject(new TypeError('network down')),
      problem(409, 'limit-reached', '已达每人限购数量（1 件）'),
    ]);
    await connect();
    deliver('/topic/live/42/deals', deal());
    fireEvent.click(screen.getByTestId('deal-buy'));
    expect((screen.getByLabelText('收货人') as HTMLInputElement).value).toBe('张三');
    fireEvent.click(screen.getByTestId('buy-submit'));
    await waitFor(() => expect(screen.getByTestId('form-alert').textContent).toContain('不会重复下单'));
    fireEvent.click(screen.getByTestId('buy-submit'));
    await waitFor(() => expect(screen.getByTestId('form-alert').textContent).toBe('每人限购 1 件，您已达上限'));
    const posts = calls.filter((c) => c.url === '/api/orders');
    expect(posts).toHaveLength(2);
    const keys = posts.map((c) => (c.init?.headers as Record<string, string>)['Idempotency-Key']);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toBe(keys[0]);
    expect(JSON.parse(String(posts[0].init?.body))).toEqual({
      dealId: 5, quantity: 1, recipient: { name: '张三', phone: '13800138000', address: '西安市雁塔区' },
    });
  });

  it('says sold out when the gate refuses, and asks guests to log in', async () => {
    const { connect, deliver } = renderCard([problem(409, 'sold-out', '已抢光')]);
    await connect();
    deliver('/topic/live/42/deals', deal());
    fireEvent.click(screen.getByTestId('deal-buy'));
    fireEvent.change(screen.getByLabelText('收货人'), { target: { value: '李四' } });
    fireEvent.change(screen.getByLabelText('手机号'), { target: { value: '13900000000' } });
    fireEvent.change(screen.getByLabelText('收货地址'), { target: { value: '西安市' } });
    fireEvent.click(screen.getByTestId('buy-submit'));
    await waitFor(() => expect(screen.getByTestId('form-alert').textContent).toBe('手慢了，已抢光'));
  });

  it('asks guests to log in before buying', async () => {
    const { connect, deliver } = renderCard([], null);
    await connect();
    deliver('/topic/live/42/deals', deal());
    expect(screen.getByText('登录后抢购')).toBeTruthy();
  });
});
