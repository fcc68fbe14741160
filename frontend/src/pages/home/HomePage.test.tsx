import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ProductCard } from '../../api/catalogue';
import type { LiveSessionCard } from '../../api/live';
import { renderWithAuth } from '../../test/renderWithAuth';
import { sessionCard } from '../live/testData';
import { HomePage } from './HomePage';

const NOW = Date.parse('2026-11-23T04:00:00Z');

const product = (id: number, over: Partial<ProductCard> = {}): ProductCard => ({
  id,
  name: `秦岭好茶 ${id}`,
  category: 'FAMOUS_QUALITY',
  region: '西安市',
  priceFen: 16800,
  soldOut: false,
  channels: ['LIVE_ECOMMERCE'],
  merchantId: 3,
  merchantName: '东裕茗茶',
  coverUrl: `/api/files/${id + 100}`,
  ...over,
});

function renderHome(schedule: LiveSessionCard[] | Response, products: ProductCard[] | Response) {
  const calls: string[] = [];
  const view = renderWithAuth(<HomePage />, null, '/', async (input) => {
    const url = String(input);
    calls.push(url);
    if (url.startsWith('/api/live-sessions?')) return schedule instanceof Response ? schedule : Response.json({ items: schedule, next: null });
    if (url.startsWith('/api/products?')) return products instanceof Response ? products : Response.json({ items: products, next: null });
    return new Response(null, { status: 401 });
  });
  return { ...view, calls };
}

describe('HomePage: what is on now', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'], now: NOW });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('shows sessions live now, upcoming ones with a ticking countdown, and a row of products with pictures', async () => {
    const { calls } = renderHome(
      [
        sessionCard(1, { status: 'LIVE', startsAt: '2026-11-23T03:00:00Z', title: '东裕茗茶 开馆首播', coverFileId: 9 }),
        sessionCard(2, { title: '格兰纳 冬季保湿专场' }),
        sessionCard(3, { startsAt: '2026-11-25T06:00:00Z' }),
      ],
      [product(7), product(8, { coverUrl: null })],
    );
    const live = await screen.findByTestId('home-live');
    await waitFor(() => expect(within(live).getAllByTestId('home-session')).toHaveLength(1));
    const tile = within(live).getByTestId('home-session');
    expect(tile.textContent).toContain('东裕茗茶 开馆首播');
    expect(tile.textContent).toContain('直播中');
    expect(within(tile).getByRole('link').getAttribute('href')).toBe('/live/1');
    expect(tile.querySelector('img')?.getAttribute('src')).toBe('/api/files/9');

    const upcoming = screen.getByTestId('home-upcoming');
    const countdowns = within(upcoming).getAllByTestId('home-countdown');
    expect(countdowns.map((c) => c.textContent)).toEqual(['倒计时 01:02:03', '倒计时 2天 02:00:00']);
    expect(upcoming.textContent).toContain('2026/11/23 13:02 开播');
    await act(async () => {
      vi.advanceTimersByTime(1000);
    });
    expect(within(upcoming).getAllByTestId('home-countdown')[0].textContent).toBe('倒计时 01:02:02');

    const products = screen.getByTestId('home-products');
    await waitFor(() => expect(within(products).getByTestId('product-card-7')).toBeTruthy());
    expect(within(products).getByTestId('product-card-7').querySelector('img')?.getAttribute('src')).toBe('/api/files/107');
    expect(calls).toContain('/api/live-sessions?limit=20');
    expect(calls.some((u) => u.startsWith('/api/products?') && u.includes('limit=8'))).toBe(true);
    // the platform's sections stay below
    expect(screen.getByTestId('section-live')).toBeTruthy();
  });

  it('says so when nothing is live and leaves out 即将开播 when nothing is scheduled', async () => {
    renderHome([], [product(7)]);
    expect((await screen.findByTestId('home-live-empty')).textContent).toBe('现在没有直播。');
    expect(screen.queryByTestId('home-upcoming')).toBeNull();
  });

  it('points to the upcoming sessions when nothing is live', async () => {
    renderHome([sessionCard(2)], []);
    expect((await screen.findByTestId('home-live-empty')).textContent).toBe('现在没有直播，看看下面即将开播的场次。');
    expect(await screen.findByText('商品即将上架。')).toBeTruthy();
  });

  it('keeps the page usable when the schedule or the catalogue cannot be read', async () => {
    renderHome(new Response(null, { status: 503 }), new Response(null, { status: 503 }));
    expect(await screen.findByText('直播信息暂时无法加载，请稍后再试。')).toBeTruthy();
    expect(await screen.findByText('商品暂时无法加载，请稍后再试。')).toBeTruthy();
  });
});
