import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes, useLocation } from 'react-router-dom';
import { describe, expect, it, vi } from 'vitest';
import type { AfterLive, LiveSessionDetail } from '../../api/live';
import type { ChatMessage } from '../../api/types';
import { fakeRealtime } from '../../test/realtime';
import { makeUser, renderWithAuth } from '../../test/renderWithAuth';
import { LiveRoomPage } from './LiveRoomPage';

const me = makeUser(['VIEWER'], { id: 7, displayName: '张三' });

export const session = (over: Partial<LiveSessionDetail> = {}): LiveSessionDetail => ({
  id: 42,
  title: '东裕茗茶开业直播',
  coverFileId: null,
  startsAt: '2026-11-23T04:00:00Z',
  streamUrl: 'https://cdn.example.com/live/42.flv',
  streamKind: 'FLV',
  status: 'LIVE',
  startedAt: '2026-11-23T04:01:00Z',
  endedAt: null,
  merchant: { id: 3, name: '东裕茗茶' },
  lineup: [
    { productId: 7, name: '东裕绿茶', priceFen: 12800, coverFileId: null, onSale: true },
    { productId: 8, name: '白瓷茶杯', priceFen: 3900, coverFileId: null, onSale: true },
  ],
  pinned: null,
  viewers: { now: 0, peak: 0, unique: 0, watchSeconds: 0 },
  reminderCount: 0,
  reminded: false,
  ...over,
});

const NOTHING_AFTER: AfterLive = { sessionId: 42, replayUrl: null, next: null, products: [] };

function Where() {
  return <p data-testid="where">{useLocation().pathname}</p>;
}

function renderRoom(user = me as typeof me | null, detail: LiveSessionDetail = session(), after: AfterLive = NOTHING_AFTER) {
  const realtime = fakeRealtime();
  const view = renderWithAuth(
    realtime.wrap(
      <Routes>
        <Route path="/live/:id" element={<><LiveRoomPage /><Where /></>} />
        <Route path="/login" element={<p data-testid="login-page">login</p>} />
      </Routes>,
    ),
    user,
    '/live/42',
    async (input) => {
      const url = String(input);
      if (url === '/api/live-sessions/42/after') return Response.json(after);
      if (url.startsWith('/api/live-sessions/42')) return Response.json(detail);
      return user ? Response.json(user) : new Response(null, { status: 401 });
    },
  );
  return { ...realtime, ...view };
}

const chat = (n: number, over: Partial<ChatMessage> = {}): ChatMessage => ({
  id: `m${n}`,
  room: 'live:42',
  userId: '8',
  name: `观众${n}`,
  text: `第${n}条`,
  at: '2026-11-23T04:05:06Z',
  ...over,
});

describe('LiveRoomPage', () => {
  it('joins the room topics and shows viewers, likes and chat from the server', async () => {
    const { fake, connect, deliver } = renderRoom();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('直播间 #42');
    await connect();
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('东裕茗茶开业直播'));
    await waitFor(() => expect(screen.getByTestId('viewer-count').textContent).toBe('—'));
    expect(screen.getByTestId('room-merchant').textContent).toContain('东裕茗茶');
    expect(fake.live('/topic/live/42/pinned')).toHaveLength(1);
    expect(fake.live('/topic/live/42/status')).toHaveLength(1);
    expect(fake.live('/topic/live/42/viewers')).toHaveLength(1);
    expect(fake.live('/topic/live/42/likes')).toHaveLength(1);
    // The chat starts from the replay buffer.
    expect(fake.live('/topic/live/42/chat')[0].headers).toEqual({ 'x-replay-last': '100' });

    deliver('/topic/live/42/viewers', { room: 'live:42', now: 3, peak: 12345, unique: 9, watchSeconds: 60, at: '2026-11-23T04:05:06Z' });
    deliver('/topic/live/42/likes', { room: 'live:42', total: 88 });
    deliver('/topic/live/42/chat', chat(1), { 'x-stream-id': '1-0' });
    deliver('/topic/live/42/chat', chat(2, { userId: '7', name: '张三' }), { 'x-stream-id': '2-0' });
    deliver('/topic/live/42/chat', chat(2), { 'x-stream-id': '2-0' }); // duplicate on replay

    expect(screen.getByTestId('viewer-count').textContent).toBe('3');
    expect(screen.getByTestId('viewer-peak').textContent).toBe('1.2万');
    expect(screen.getByTestId('like-total').textContent).toBe('88');
    const lines = screen.getAllByTestId('chat-message');
    expect(lines).toHaveLength(2);
    expect(within(lines[0]).getByText('观众1')).toBeTruthy();
    expect(within(lines[0]).getByText('第1条')).toBeTruthy();
    // 04:05 UTC is 12:05 in Asia/Shanghai
    expect(lines[0].querySelector('time')?.textContent).toBe('12:05');
    expect(lines[1].className).toContain('chat-mine');

    deliver('/topic/live/42/viewers', { room: 'live:42', now: 2, peak: 12345, unique: 9, watchSeconds: 61, at: '2026-11-23T04:05:07Z' });
    expect(screen.getByTestId('viewer-count').textContent).toBe('2');
  });

  it('sends chat lines, checks length client-side and restores a rate-limited line with a toast', async () => {
    const { fake, connect, deliver } = renderRoom();
    const input = screen.getByTestId('chat-input') as HTMLInputElement;
    const send = screen.getByTestId('chat-send') as HTMLButtonElement;
    fireEvent.change(input, { target: { value: '你好' } });
    expect(send.disabled).toBe(true); // not connected yet
    await connect();
    expect(send.disabled).toBe(false);

    fireEvent.change(input, { target: { value: '字'.repeat(201) } });
    expect(send.disabled).toBe(true);
    expect(screen.getByTestId('chat-count').textContent).toContain('最多 200 字');
    fireEvent.change(input, { target: { value: '   ' } });
    expect(send.disabled).toBe(true);

    fireEvent.change(input, { target: { value: '  大家好  ' } });
    fireEvent.submit(input.closest('form')!);
    expect(fake.published).toEqual([
      { destination: '/app/live/42/chat', body: { text: '大家好' }, headers: { 'content-type': 'application/json' } },
    ]);
    expect(input.value).toBe('');

    deliver('/user/queue/errors', { destination: '/app/live/42/chat', code: 'rate-limited', message: 'too many' });
    expect(screen.getByTestId('toast').textContent).toBe('发言太频繁，请稍后再试');
    expect(input.value).toBe('大家好');
  });

  it('gathers rapid likes into one SEND', async () => {
    const { fake, connect } = renderRoom();
    await connect();
    const like = screen.getByTestId('like-button');
    fireEvent.click(like);
    await waitFor(() => expect(fake.published).toHaveLength(1));
    expect(fake.published[0]).toMatchObject({ destination: '/app/live/42/like', body: {} });
    fireEvent.click(like);
    fireEvent.click(like);
    fireEvent.click(like);
    await waitFor(() => expect(fake.published).toHaveLength(2));
    expect(fake.published[1].body).toEqual({ count: 3 });
  });

  it('keys lines by stream id when the server leaves the message id out', async () => {
    const { connect, deliver } = renderRoom();
    await connect();
    deliver('/topic/live/42/chat', { ...chat(1), id: null }, { 'x-stream-id': '5-0' });
    deliver('/topic/live/42/chat', { ...chat(2), id: null }, { 'x-stream-id': '6-0' });
    deliver('/topic/live/42/chat', { nonsense: true }, { 'x-stream-id': '7-0' });
    const lines = screen.getAllByTestId('chat-message');
    expect(lines.map((l) => l.querySelector('.chat-text')?.textContent)).toEqual(['第1条', '第2条']);
  });

  it('invites guests to log in instead of showing the chat box', async () => {
    const { connect, deliver } = renderRoom(null);
    await connect();
    deliver('/topic/live/42/chat', chat(1, { userId: 'guest-12', name: '访客0012' }), { 'x-stream-id': '1-0' });
    expect(screen.getAllByTestId('chat-message')).toHaveLength(1);
    expect(screen.queryByTestId('chat-input')).toBeNull();
    const login = screen.getByTestId('chat-login');
    expect(login.textContent).toBe('登录后参与聊天');
    expect(login.getAttribute('href')).toBe('/login?next=%2Flive%2F42');
    await act(async () => {
      fireEvent.click(login);
    });
    expect(screen.getByTestId('login-page')).toBeTruthy();
  });

  it('shows the pinned product from the GET to late joiners, then follows the pinned topic', async () => {
    const { connect, deliver } = renderRoom(me, session({ pinned: { sessionId: 42, productId: 7, name: '东裕绿茶', priceFen: 12800, coverFileId: null } }));
    await connect();
    await waitFor(() => expect(screen.getByTestId('pinned-name').textContent).toBe('东裕绿茶'));
    expect(screen.getByTestId('pinned-price').textContent).toBe('¥128.00');
    const flagged = () => screen.getAllByTestId('lineup-item').filter((li) => li.className.includes('lineup-pinned'));
    // without a cover, the product's first character stands for it (in the lineup and on the pinned card)
    expect(flagged().map((li) => li.textContent)).toEqual(['东东裕绿茶¥128.00讲解中购买']);
    expect(screen.getByTestId('pinned-card').querySelector('.product-monogram')?.textContent).toBe('东');

    deliver('/topic/live/42/pinned', { sessionId: 42, productId: 8, name: '白瓷茶杯', priceFen: 3900, coverFileId: null });
    expect(screen.getByTestId('pinned-name').textContent).toBe('白瓷茶杯');
    expect(flagged()).toHaveLength(1);
    expect(flagged()[0].textContent).toContain('白瓷茶杯');

    deliver('/topic/live/42/pinned', null);
    expect(screen.queryByTestId('pinned-card')).toBeNull();
    expect(flagged()).toHaveLength(0);
  });

  it('opens the buy sheet over the room: the same <video> stays mounted and the URL stays the room', async () => {
    const { connect } = renderRoom(me, session({
      streamKind: 'HLS', streamUrl: 'https://cdn.example.com/42.m3u8',
      pinned: { sessionId: 42, productId: 7, name: '东裕绿茶', priceFen: 12800, coverFileId: null },
    }));
    await connect();
    await waitFor(() => expect(screen.getByTestId('pinned-buy')).toBeTruthy());
    const video = screen.getByTestId('live-video');
    fireEvent.click(screen.getByTestId('pinned-buy'));
    expect(screen.getByTestId('buy-sheet-name').textContent).toBe('东裕绿茶');
    expect(screen.getByTestId('live-video')).toBe(video);
    expect(video.isConnected).toBe(true);
    expect(screen.getByTestId('where').textContent).toBe('/live/42');
    fireEvent.click(screen.getByTestId('buy-sheet-close'));
    fireEvent.click(screen.getAllByTestId('lineup-buy')[1]);
    expect(screen.getByTestId('buy-sheet-name').textContent).toBe('白瓷茶杯');
    expect(screen.getByTestId('live-video')).toBe(video);
  });

  it('offers an FLV stream as a link and closes the chat when the session ends', async () => {
    const { connect, deliver } = renderRoom();
    await connect();
    const link = await screen.findByRole('link', { name: '在播放器中打开' });
    expect(link.getAttribute('href')).toBe('https://cdn.example.com/live/42.flv');
    expect(screen.getByTestId('chat-input')).toBeTruthy();

    deliver('/topic/live/42/status', { sessionId: 42, status: 'ENDED', startedAt: null, endedAt: '2026-11-23T05:00:00Z' });
    expect(screen.getByTestId('live-player').textContent).toContain('直播已结束');
    expect(screen.queryByTestId('chat-input')).toBeNull();
    expect(screen.getByTestId('chat-closed').textContent).toBe('直播已结束，聊天已关闭');
    expect(screen.queryByTestId('like-button')).toBeNull();
    // an ended room claims nobody is watching now
    expect(screen.queryByTestId('viewers-badge')).toBeNull();
    expect(screen.queryByText('人在看')).toBeNull();
  });

  it('drops a line a moderator hid, live', async () => {
    const { connect, deliver } = renderRoom();
    await connect();
    deliver('/topic/live/42/chat', chat(1, { text: '加微信领红包' }), { 'x-stream-id': '1-0' });
    deliver('/topic/live/42/chat', chat(2), { 'x-stream-id': '2-0' });
    expect(screen.getAllByTestId('chat-message')).toHaveLength(2);
    deliver('/topic/live/42/chat', { room: 'live:42', hidden: '1-0' }, { 'x-stream-id': '3-0' });
    const lines = screen.getAllByTestId('chat-message');
    expect(lines).toHaveLength(1);
    expect(lines[0].textContent).toContain('第2条');
    expect(screen.queryByText('加微信领红包')).toBeNull();
  });

  it('counts down to a scheduled start and keeps the chat closed until it goes live', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'], now: Date.parse('2026-11-23T03:58:55Z') });
    try {
      const { connect, deliver } = renderRoom(me, session({ status: 'SCHEDULED', startedAt: null, streamKind: 'HLS', streamUrl: 'https://cdn.example.com/42.m3u8' }));
      await connect();
      await waitFor(() => expect(screen.getByTestId('player-countdown').textContent).toContain('距开播 00:01:05'));
      expect(screen.getByTestId('chat-closed').textContent).toBe('开播后可以发言和点赞');
      // nobody watches a room that has not started: no "N 人在看", no peak
      expect(screen.queryByTestId('viewers-badge')).toBeNull();
      expect(screen.queryByTestId('viewer-peak')).toBeNull();
      await act(async () => {
        vi.advanceTimersByTime(2000);
      });
      expect(screen.getByTestId('player-countdown').textContent).toContain('距开播 00:01:03');

      deliver('/topic/live/42/status', { sessionId: 42, status: 'LIVE', startedAt: '2026-11-23T03:59:00Z', endedAt: null });
      expect(screen.getByTestId('live-video')).toBeTruthy();
      expect(screen.getByTestId('chat-input')).toBeTruthy();
      expect(screen.getByTestId('viewers-badge')).toBeTruthy();
    } finally {
      vi.useRealTimers();
    }
  });

  it('offers the replay, the merchant\'s next session and its products once the session has ended', async () => {
    const ended = session({ status: 'ENDED', endedAt: '2026-11-23T05:00:00Z' });
    const { connect } = renderRoom(me, ended, {
      sessionId: 42,
      replayUrl: 'https://v.example.com/replay/42',
      next: { id: 43, title: '东裕茗茶 周末专场', coverFileId: null, startsAt: '2026-11-24T12:00:00Z', status: 'SCHEDULED' },
      products: [{ id: 7, merchantId: 3, name: '东裕绿茶', priceFen: 12800, status: 'ON_SALE', coverFileId: 11 }],
    });
    await connect();
    const panel = await screen.findByTestId('after-live');
    expect(within(panel).getByTestId('after-replay').getAttribute('href')).toBe('https://v.example.com/replay/42');
    expect(within(panel).getByTestId('after-next').getAttribute('href')).toBe('/live/43');
    expect(within(panel).getByTestId('after-next').textContent).toContain('东裕茗茶 周末专场');
    expect(within(panel).getByTestId('after-product').getAttribute('href')).toBe('/products/7');
  });

  it('plays a replay the page can play (HLS, MP4) in the room\'s stage with the shared replay player', async () => {
    const ended = session({ status: 'ENDED', endedAt: '2026-11-23T05:00:00Z' });
    const { connect } = renderRoom(me, ended, { ...NOTHING_AFTER, replayUrl: 'https://v.example.com/replay/42.mp4' });
    await connect();
    await waitFor(() => expect(screen.getByTestId('replay-video').getAttribute('src')).toBe('https://v.example.com/replay/42.mp4'));
    expect(screen.queryByTestId('live-player')).toBeNull();
    expect(screen.getAllByTestId('replay-speed')).toHaveLength(4);
    // no second way to the same recording in the panel
    expect(within(screen.getByTestId('after-live')).queryByTestId('after-replay')).toBeNull();
  });

  it('shows no after-the-live offer while the session is live', async () => {
    const { connect } = renderRoom();
    await connect();
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('东裕茗茶开业直播'));
    expect(screen.queryByTestId('after-live')).toBeNull();
  });
});
