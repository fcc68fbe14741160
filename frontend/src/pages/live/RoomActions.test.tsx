import { fireEvent, screen, waitFor } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import type { LiveSessionDetail } from '../../api/live';
import { fakeRealtime } from '../../test/realtime';
import { makeUser, renderWithAuth } from '../../test/renderWithAuth';
import { LiveRoomPage } from './LiveRoomPage';
import { RoomActions, sessionPosterLines } from './RoomActions';

const me = makeUser(['VIEWER'], { id: 7 });

const scheduled = (over: Partial<LiveSessionDetail> = {}): LiveSessionDetail => ({
  id: 42,
  title: '新茶品鉴会',
  coverFileId: null,
  startsAt: '2026-12-06T12:00:00Z',
  streamUrl: 'https://cdn.example.com/42.m3u8',
  streamKind: 'HLS',
  status: 'SCHEDULED',
  startedAt: null,
  endedAt: null,
  merchant: { id: 3, name: '东裕茗茶' },
  lineup: [{ productId: 7, name: '东裕绿茶', priceFen: 12800, coverFileId: 99, onSale: true }],
  pinned: null,
  viewers: { now: 0, peak: 0, unique: 0, watchSeconds: 0 },
  reminderCount: 2,
  reminded: false,
  ...over,
});

describe('RoomActions', () => {
  it('lets a signed-in viewer ask to be reminded inside a scheduled room, and take it back', async () => {
    const calls: string[] = [];
    let reminded = false;
    renderWithAuth(
      <RoomActions session={scheduled()} status="SCHEDULED" />,
      me,
      '/live/42',
      async (input, init) => {
        const url = String(input);
        if (url === '/api/live-sessions/42/reminder') {
          calls.push(`${init?.method} ${url}`);
          reminded = init?.method === 'POST';
          return Response.json({ sessionId: 42, reminded, reminderCount: reminded ? 3 : 2 });
        }
        return Response.json(me);
      },
    );
    expect(screen.getByTestId('room-reminder-count').textContent).toBe('2 人已预约');
    fireEvent.click(screen.getByTestId('room-remind'));
    await waitFor(() => expect(screen.getByTestId('room-remind').textContent).toBe('已预约 · 取消'));
    expect(screen.getByTestId('room-remind').getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByTestId('room-reminder-count').textContent).toBe('3 人已预约');
    expect(screen.getByTestId('room-remind-note').textContent).toBe('已预约，开播时会通知你');
    fireEvent.click(screen.getByTestId('room-remind'));
    await waitFor(() => expect(screen.getByTestId('room-remind').textContent).toBe('提醒我'));
    expect(calls).toEqual(['POST /api/live-sessions/42/reminder', 'DELETE /api/live-sessions/42/reminder']);
  });

  it('shows the server’s reason when the reminder is refused', async () => {
    renderWithAuth(<RoomActions session={scheduled()} status="SCHEDULED" />, me, '/live/42', async (input) =>
      String(input).endsWith('/reminder')
        ? Response.json({ type: 'x', title: 'Conflict', status: 409, detail: '直播已开始，不能再预约提醒' }, { status: 409, headers: { 'Content-Type': 'application/problem+json' } })
        : Response.json(me),
    );
    fireEvent.click(screen.getByTestId('room-remind'));
    await waitFor(() => expect(screen.getByTestId('room-remind-note').textContent).toBe('直播已开始，不能再预约提醒'));
  });

  it('sends a guest to log in and back to the room', () => {
    renderWithAuth(<RoomActions session={scheduled()} status="SCHEDULED" />, null, '/live/42');
    expect(screen.getByTestId('room-remind-login').getAttribute('href')).toBe('/login?next=%2Flive%2F42');
    expect(screen.queryByTestId('room-remind')).toBeNull();
  });

  it('offers only sharing once the session is live', () => {
    renderWithAuth(<RoomActions session={scheduled({ status: 'LIVE' })} status="LIVE" />, me, '/live/42');
    expect(screen.queryByTestId('room-remind')).toBeNull();
    expect(screen.queryByTestId('room-reminder-count')).toBeNull();
    expect(screen.getByTestId('room-share').textContent).toContain('分享');
  });

  it('puts the Beijing start time or the live state on the poster', () => {
    expect(sessionPosterLines(scheduled(), 'SCHEDULED')).toEqual(['开播时间 2026/12/06 20:00（北京时间）', '东裕茗茶']);
    expect(sessionPosterLines(scheduled(), 'LIVE')[0]).toBe('正在直播，快来一起看');
  });

  it('in the room: 提醒我 while scheduled; the room turns live by itself when the start is pushed', async () => {
    const realtime = fakeRealtime();
    renderWithAuth(
      realtime.wrap(
        <Routes>
          <Route path="/live/:id" element={<LiveRoomPage />} />
        </Routes>,
      ),
      me,
      '/live/42',
      async (input) => (String(input).startsWith('/api/live-sessions/42') ? Response.json(scheduled()) : Response.json(me)),
    );
    await realtime.connect();
    expect(await screen.findByTestId('room-remind')).toBeTruthy();
    expect(screen.queryByTestId('live-video')).toBeNull();
    realtime.deliver('/topic/live/42/status', { sessionId: 42, status: 'LIVE', startedAt: '2026-12-06T12:00:01Z', endedAt: null });
    expect(screen.getByTestId('live-video')).toBeTruthy();
    expect(screen.queryByTestId('room-remind')).toBeNull();
    expect(screen.getByTestId('room-share')).toBeTruthy();
  });
});
