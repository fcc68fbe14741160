import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { DealHolding } from '../../api/orders';
import { buyServer, deal, order, problem } from '../../test/buyServer';
import type { BuyServerOptions } from '../../test/buyServer';
import { fakeRealtime } from '../../test/realtime';
import { makeUser, renderWithAuth } from '../../test/renderWithAuth';
import { RECIPIENT_KEY } from '../orders/buying';
import { DealCard, DealPanel, dealStatusAt } from './DealCard';

const me = makeUser(['VIEWER'], { id: 7 });

const holding = (bought: number, limit = 1): DealHolding => ({
  dealId: 5, perBuyerLimit: limit, bought, left: limit - bought, limitReached: bought >= limit,
});

function renderCard(options: BuyServerOptions = {}, user = me as typeof me | null) {
  const realtime = fakeRealtime();
  const server = buyServer({ user, holdings: [holding(0)], ...options });
  const view = renderWithAuth(realtime.wrap(<DealCard sessionId={42} />), user, '/live/42', server.handler);
  return { ...realtime, ...view, ...server };
}

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

  it('buys in the sheet with one Idempotency-Key per attempt, reused when the outcome was unknown', async () => {
    localStorage.setItem(RECIPIENT_KEY, JSON.stringify({ name: '张三', phone: '13800138000', address: '西安市雁塔区' }));
    const { connect, deliver, posts, calls } = renderCard({
      placing: [() => Promise.reject(new TypeError('network down')), problem(409, 'limit-reached', '已达每人限购数量（1 件）')],
    });
    await connect();
    deliver('/topic/live/42/deals', deal());
    await waitFor(() => expect(calls.some((c) => c.url === '/api/flash-deals/5/mine')).toBe(true));
    fireEvent.click(screen.getByTestId('deal-buy'));
    const sheet = screen.getByTestId('buy-sheet');
    expect(sheet.getAttribute('aria-label')).toBe('秒杀下单');
    expect(screen.getByTestId('buy-sheet-price').textContent).toBe('¥59.00');
    expect(screen.getByTestId('buy-sheet-stock').textContent).toBe('剩余 100 件 · 每人限购 1 件');
    expect((screen.getByLabelText('收货人') as HTMLInputElement).value).toBe('张三');
    fireEvent.click(screen.getByTestId('buy-submit'));
    await waitFor(() => expect(screen.getByTestId('form-alert').textContent).toContain('不会重复下单'));
    fireEvent.click(screen.getByTestId('buy-submit'));
    await waitFor(() => expect(screen.getByTestId('form-alert').textContent).toBe('每人限购 1 件，您已达上限'));
    const sent = posts();
    expect(sent).toHaveLength(2);
    const keys = sent.map((c) => (c.init?.headers as Record<string, string>)['Idempotency-Key']);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toBe(keys[0]);
    expect(JSON.parse(String(sent[0].init?.body))).toEqual({
      dealId: 5, quantity: 1, recipient: { name: '张三', phone: '13800138000', address: '西安市雁塔区' },
    });
  });

  it('says sold out inside the sheet when the gate refuses', async () => {
    const { connect, deliver } = renderCard({ placing: [problem(409, 'sold-out', '已抢光')] });
    await connect();
    deliver('/topic/live/42/deals', deal());
    fireEvent.click(screen.getByTestId('deal-buy'));
    fireEvent.change(screen.getByLabelText('收货人'), { target: { value: '李四' } });
    fireEvent.change(screen.getByLabelText('手机号'), { target: { value: '13900000000' } });
    fireEvent.change(screen.getByLabelText('收货地址'), { target: { value: '西安市' } });
    fireEvent.click(screen.getByTestId('buy-submit'));
    await waitFor(() => expect(screen.getByTestId('form-alert').textContent).toBe('手慢了，已抢光'));
    expect(screen.getByTestId('buy-sheet')).toBeTruthy();
  });

  it('asks guests to log in from the sheet and does not ask for their holding', async () => {
    const { connect, deliver, calls } = renderCard({}, null);
    await connect();
    deliver('/topic/live/42/deals', deal());
    fireEvent.click(screen.getByTestId('deal-buy'));
    expect(screen.getByTestId('buy-sheet-login-link').textContent).toBe('登录后购买');
    expect(calls.some((c) => c.url.includes('/mine'))).toBe(false);
  });

  it('shows 已达限购 for a buyer at the limit, and turns to it after their own order without a reload', async () => {
    const { connect, deliver, calls } = renderCard({ holdings: [holding(0), holding(1)], lastOrder: order() });
    await connect();
    deliver('/topic/live/42/deals', deal());
    await waitFor(() => expect(calls.filter((c) => c.url === '/api/flash-deals/5/mine')).toHaveLength(1));
    fireEvent.click(screen.getByTestId('deal-buy'));
    await waitFor(() => expect((screen.getByLabelText('收货人') as HTMLInputElement).value).toBe('王五'));
    fireEvent.click(screen.getByTestId('buy-submit'));
    await waitFor(() => expect(screen.getByTestId('buy-sheet-done')).toBeTruthy());
    await waitFor(() => expect(screen.getByTestId('deal-limit').textContent).toBe('已达限购'));
    expect((screen.getByTestId('deal-limit') as HTMLButtonElement).disabled).toBe(true);
    expect(screen.queryByTestId('deal-buy')).toBeNull();
    expect(screen.getByTestId('deal-card').textContent).toContain('您已抢 1 件，每人限购 1 件');
    // the confirmation stays in the sheet until the buyer closes it
    expect(screen.getByTestId('buy-sheet-done').textContent).toContain('下单成功');
    fireEvent.click(screen.getByTestId('buy-sheet-back'));
    expect(screen.queryByTestId('buy-sheet')).toBeNull();
  });

  it('shows a buyer who already holds the limit 已达限购 on arrival', async () => {
    const { connect, deliver } = renderCard({ holdings: [holding(2, 2)] });
    await connect();
    deliver('/topic/live/42/deals', deal({ perBuyerLimit: 2 }));
    await waitFor(() => expect(screen.getByTestId('deal-limit')).toBeTruthy());
    expect(screen.queryByTestId('deal-buy')).toBeNull();
  });

  it('says an ended deal is over and how many were sold', () => {
    const ended = deal({ status: 'ENDED', stockLeft: 0, sold: 37, endsAt: new Date(Date.now() - 1000).toISOString() });
    renderWithAuth(<DealPanel deal={ended} status="ENDED" now={Date.now()} />, me);
    expect(screen.getByTestId('deal-stock').textContent).toBe('已结束 · 已售 37 件');
    expect(screen.getByTestId('deal-card').textContent).not.toContain('剩余');
    expect(screen.queryByTestId('deal-buy')).toBeNull();
  });

  it('counts the sold units from the stock when the server gave no figure', () => {
    const ended = deal({ status: 'ENDED', stockLeft: 12, quantity: 50 });
    renderWithAuth(<DealPanel deal={ended} status="ENDED" now={Date.now()} seller />, makeUser(['MERCHANT']));
    expect(screen.getByTestId('deal-stock').textContent).toBe('已结束 · 已售 38 件');
  });
});
