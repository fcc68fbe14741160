import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LiveSessionCard } from '../../api/live';
import { makeUser, renderWithAuth } from '../../test/renderWithAuth';
import { LiveListPage } from './LiveListPage';
import { sessionCard } from './testData';

const NOW = Date.parse('2026-11-23T04:00:00Z');

const card = sessionCard;

type Call = { url: string; method: string };

function renderSchedule(user: ReturnType<typeof makeUser> | null, pages: Record<string, { items: LiveSessionCard[]; next: string | null }>) {
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
});
