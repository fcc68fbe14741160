import { act, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AfterLive } from '../../api/live';
import { AfterLivePanel } from './AfterLivePanel';

const NOW = Date.parse('2026-11-23T04:00:00Z');

function renderPanel(offer: AfterLive | Response) {
  const fetch = vi.spyOn(globalThis, 'fetch').mockImplementation(async () =>
    offer instanceof Response ? offer : Response.json(offer),
  );
  const view = render(
    <MemoryRouter>
      <AfterLivePanel sessionId={42} />
    </MemoryRouter>,
  );
  return { ...view, fetch };
}

const product = (id: number, coverFileId: number | null = null) => ({
  id,
  merchantId: 3,
  name: `好茶 ${id}`,
  priceFen: 12800,
  status: 'ON_SALE',
  coverFileId,
});

describe('AfterLivePanel', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'], now: NOW });
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('offers the replay, the next scheduled session with a ticking countdown, and products with pictures', async () => {
    const { fetch } = renderPanel({
      sessionId: 42,
      replayUrl: 'https://v.example.com/replay/42',
      next: { id: 43, title: '周末专场', coverFileId: null, startsAt: '2026-11-23T05:02:03Z', status: 'SCHEDULED' },
      products: [product(7, 11), product(8)],
    });
    const panel = await screen.findByTestId('after-live');
    expect(String(fetch.mock.calls[0][0])).toBe('/api/live-sessions/42/after');
    expect(panel.textContent).toContain('本场直播已结束');
    const replay = within(panel).getByTestId('after-replay');
    expect(replay.getAttribute('href')).toBe('https://v.example.com/replay/42');
    expect(replay.getAttribute('target')).toBe('_blank');
    expect(replay.getAttribute('rel')).toContain('noopener');
    const next = within(panel).getByTestId('after-next');
    expect(next.textContent).toContain('下一场');
    expect(within(panel).getByTestId('after-next-when').textContent).toBe('2026/11/23 13:02 开播 · 倒计时 01:02:03');
    await act(async () => {
      vi.advanceTimersByTime(1000);
    });
    expect(within(panel).getByTestId('after-next-when').textContent).toContain('倒计时 01:02:02');
    const products = within(panel).getAllByTestId('after-product');
    expect(products).toHaveLength(2);
    expect(products[0].querySelector('img')?.getAttribute('src')).toBe('/api/files/11');
    expect(products[0].textContent).toContain('¥128');
    expect(products[1].querySelector('img')).toBeNull();
  });

  it('sends viewers to a session live now, and leaves out what there is not', async () => {
    renderPanel({
      sessionId: 42,
      replayUrl: null,
      next: { id: 44, title: '正在播', coverFileId: null, startsAt: '2026-11-23T03:00:00Z', status: 'LIVE' },
      products: [],
    });
    const panel = await screen.findByTestId('after-live');
    expect(within(panel).getByTestId('after-next').textContent).toContain('正在直播');
    expect(within(panel).getByTestId('after-next-when').textContent).toBe('进入直播间 →');
    expect(within(panel).queryByTestId('after-replay')).toBeNull();
    expect(within(panel).queryByTestId('after-products')).toBeNull();
  });

  it('shows nothing when the offer cannot be read', async () => {
    const { fetch } = renderPanel(new Response(null, { status: 500 }));
    await act(async () => {
      await Promise.resolve();
    });
    expect(fetch).toHaveBeenCalled();
    expect(screen.queryByTestId('after-live')).toBeNull();
  });
});
