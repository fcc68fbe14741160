import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LiveSessionCard, PastSessionCard } from '../../api/live';
import { makeUser, renderWithAuth } from '../../test/renderWithAuth';
import { LiveListPage } from './LiveListPage';
import { sessionCard } from './testData';

const NOW = Date.parse('2026-11-23T04:00:00Z');

const card = sessionCard;

type Call = { url: string; method: string };

type PastPages = Record<string, { items: PastSessionCard[]; next: string | null }>;

const past = (id: number, over: Partial<PastSessionCard> = {}): PastSessionCard => ({
  id,
  title: `往期 ${id}`,
  coverFileId: null,
  startedAt: '2026-11-22T11:00:00Z',
  endedAt: '2026-11-22T13:00:00Z',
  merchant: { id: 3, name: '东裕茗茶' },
  productCount: 3,
  figures: { peak: 12345, unique: 2300, watchSeconds: 99, likes: 888, orders: 56 },
  replayUrl: null,
  ...over,
});

function renderSchedule(
  user: ReturnType<typeof makeUser> | null,
  pages: Record<string, { items: LiveSessionCard[]; next: string | null }>,
  pastPages: PastPages = { '': { items: [], next: null } },
) {
  const calls: Call[] = [];
  const view = renderWithAuth(
    <Routes>
      <Route path="/live" element={<LiveListPage />} />
      <Route path="/live/:id" element={<p data-testid="room">room</p>} />
      <Route path="/login" element={<p data-testid="login-page">login</p>} />
    </Routes>,
    user,
    '/live',
    async (input, init) => {
      const url = String(input);
      const method = init?.method ?? 'GET';
      calls.push({ url, method });
      if (url.startsWith('/api/live-sessions/past?')) {
        const after = new URL(url, 'http://x').searchParams.get('after') ?? '';
        return Response.json(pastPages[after]);
      }
      if (url.startsWith('/api/live-sessions?')) {
        const after = new URL(url, 'http://x').searchParams.get('after') ?? '';
        return Response.json(pages[after]);
      }
      const reminder = /^\/api\/live-sessions\/(\d+)\/reminder$/.exec(url);
      if (reminder) {
        const reminded = method === 'POST';
        return Response.json({ sessionId: Number(reminder[1]), reminded, reminderCount: reminded ? 8 : 7 });
      }
      return user ? Response.json(user) : new Response(null, { status: 401 });
    },
  );
  return { ...view, calls };
}

describe('LiveListPage (public schedule)', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'], now: NOW });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('lists live and upcoming sessions with a countdown ticking every second, and pages on', async () => {
    renderSchedule(null, {
      '': { items: [card(1, { status: 'LIVE', startsAt: '2026-11-23T03:00:00Z' }), card(2)], next: 'c1' },
      c1: { items: [card(3, { startsAt: '2026-11-25T06:00:00Z', reminderCount: 12 })], next: null },
    });
    const cards = await screen.findAllByTestId('schedule-card');
    expect(cards).toHaveLength(2);
    expect(within(cards[0]).getByTestId('enter-room').getAttribute('href')).toBe('/live/1');
    expect(within(cards[0]).queryByTestId('countdown')).toBeNull();
    expect(within(cards[1]).getByText('2026/11/23 13:02 开播', { exact: false })).toBeTruthy();
    expect(within(cards[1]).getByTestId('countdown').textContent).toBe('倒计时 01:02:03');

    await act(async () => {
      vi.advanceTimersByTime(1000);
    });
    expect(within(cards[1]).getByTestId('countdown').textContent).toBe('倒计时 01:02:02');

    fireEvent.click(screen.getByTestId('load-more'));
    await waitFor(() => expect(screen.getAllByTestId('schedule-card')).toHaveLength(3));
    const third = screen.getAllByTestId('schedule-card')[2];
    expect(within(third).getByTestId('countdown').textContent).toBe('倒计时 2天 01:59:59');
    expect(within(third).getByTestId('reminder-count').textContent).toBe('12 人已预约');
    expect(screen.queryByTestId('load-more')).toBeNull();
  });

  it('says 即将开播 once the start has passed but the merchant has not gone live', async () => {
    renderSchedule(null, { '': { items: [card(4, { startsAt: '2026-11-23T03:59:58Z' })], next: null } });
    expect((await screen.findByTestId('countdown')).textContent).toBe('即将开播');
  });

  it('sends guests to log in from 提醒我', async () => {
    renderSchedule(null, { '': { items: [card(5)], next: null } });
    const remind = await screen.findByTestId('remind-login');
    expect(remind.textContent).toBe('提醒我');
    expect(remind.getAttribute('href')).toBe('/login?next=%2Flive');
  });

  it('toggles the reminder of a logged-in viewer', async () => {
    const { calls } = renderSchedule(makeUser(['VIEWER']), { '': { items: [card(6, { reminderCount: 7 })], next: null } });
    const button = await screen.findByTestId('remind');
    expect(button.textContent).toBe('提醒我');
    fireEvent.click(button);
    await waitFor(() => expect(screen.getByTestId('remind').textContent).toBe('已预约 · 取消'));
    expect(screen.getByTestId('reminder-count').textContent).toBe('8 人已预约');
    expect(screen.getByTestId('toast').textContent).toBe('已预约，开播时会通知你');
    expect(calls).toContainEqual({ url: '/api/live-sessions/6/reminder', method: 'POST' });

    fireEvent.click(screen.getByTestId('remind'));
    await waitFor(() => expect(screen.getByTestId('remind').textContent).toBe('提醒我'));
    expect(calls).toContainEqual({ url: '/api/live-sessions/6/reminder', method: 'DELETE' });
  });

  it('lists ended sessions under 往期直播 with their figures and replay link, and pages on', async () => {
    renderSchedule(null, { '': { items: [card(1)], next: null } }, {
      '': { items: [past(9, { replayUrl: 'https://v.example.com/r/9', coverFileId: 5 }), past(8)], next: 'p1' },
      p1: { items: [past(7)], next: null },
    });
    const section = await screen.findByTestId('past-sessions');
    expect(within(section).getByRole('heading', { level: 2 }).textContent).toBe('往期直播');
    await waitFor(() => expect(within(section).getAllByTestId('past-card')).toHaveLength(2));
    const first = within(section).getAllByTestId('past-card')[0];
    expect(within(first).getByRole('link', { name: '往期 9' }).getAttribute('href')).toBe('/live/9');
    expect(first.textContent).toContain('2026/11/22 21:00 结束');
    expect(within(first).getByTestId('past-peak').textContent).toBe('1.2万');
    expect(within(first).getByTestId('past-unique').textContent).toBe('2300');
    expect(within(first).getByTestId('past-likes').textContent).toBe('888');
    expect(within(first).getByTestId('past-orders').textContent).toBe('56');
    expect(within(first).queryByTestId('past-gmv')).toBeNull(); // turnover is the merchant's, not shown to all
    expect(within(first).getByTestId('past-replay').getAttribute('href')).toBe('https://v.example.com/r/9');
    expect(first.querySelector('img')?.getAttribute('src')).toBe('/api/files/5');
    const second = within(section).getAllByTestId('past-card')[1];
    expect(within(second).queryByTestId('past-replay')).toBeNull();

    fireEvent.click(screen.getByTestId('past-more'));
    await waitFor(() => expect(screen.getAllByTestId('past-card')).toHaveLength(3));
    expect(screen.queryByTestId('past-more')).toBeNull();
  });

  it('leaves 往期直播 out while there are no ended sessions', async () => {
    renderSchedule(null, { '': { items: [card(1)], next: null } });
    await screen.findAllByTestId('schedule-card');
    expect(screen.queryByTestId('past-sessions')).toBeNull();
  });
});
