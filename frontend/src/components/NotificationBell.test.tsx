import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes, useLocation } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import type { UserNotification } from '../api/notifications';
import { isBackgroundOnly } from '../realtime/connectionStatus';
import { fakeRealtime } from '../test/realtime';
import { makeUser, renderWithAuth } from '../test/renderWithAuth';
import { NotificationBell, notificationAge } from './NotificationBell';

const QUEUE = '/user/queue/notifications';

const note = (id: number, over: Partial<UserNotification> = {}): UserNotification => ({
  id,
  type: 'order',
  title: `通知 ${id}`,
  body: `详情 ${id}`,
  link: `/orders/${id}`,
  at: new Date(Date.now() - 5 * 60_000).toISOString(),
  readAt: null,
  ...over,
});

function Where() {
  return <span data-testid="where">{useLocation().pathname}</span>;
}

interface Server {
  unread: number;
  pages: Record<string, { items: UserNotification[]; next: string | null }>;
  calls: string[];
}

function server(s: Server, user: ReturnType<typeof makeUser>) {
  return async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    s.calls.push(`${init?.method ?? 'GET'} ${url}`);
    if (url === '/api/notifications/unread-count') return Response.json({ unread: s.unread });
    if (url.startsWith('/api/notifications?')) {
      const after = new URL(url, 'http://x').searchParams.get('after') ?? '';
      return Response.json(s.pages[after] ?? { items: [], next: null });
    }
    const read = /^\/api\/notifications\/(\d+)\/read$/.exec(url);
    if (read) {
      s.unread = Math.max(0, s.unread - 1);
      return Response.json(note(Number(read[1]), { readAt: new Date().toISOString() }));
    }
    if (url === '/api/notifications/read-all') {
      s.unread = 0;
      return Response.json({ unread: 0 });
    }
    return Response.json(user);
  };
}

function renderBell(s: Server, signedIn = true) {
  const user = makeUser(['VIEWER']);
  const realtime = fakeRealtime();
  const ui = realtime.wrap(
    <>
      <NotificationBell />
      <Routes>
        <Route path="*" element={<Where />} />
      </Routes>
    </>,
  );
  const r = renderWithAuth(ui, signedIn ? user : null, '/products', server(s, user));
  return { ...r, realtime };
}

describe('NotificationBell', () => {
  it('is not shown to a signed-out visitor and subscribes to nothing', () => {
    const { realtime } = renderBell({ unread: 0, pages: {}, calls: [] }, false);
    expect(screen.queryByTestId('notification-bell')).toBeNull();
    expect(realtime.fake.activations).toBe(0);
  });

  it('shows the unread count from the server and lists the notifications with links', async () => {
    const s: Server = { unread: 2, calls: [], pages: { '': { items: [note(3), note(2, { type: 'live-started', link: '/live/9', title: '「新茶品鉴会」开播了' }), note(1, { readAt: '2026-12-01T00:00:00Z' })], next: null } } };
    renderBell(s);
    expect((await screen.findByTestId('notification-count')).textContent).toBe('2');
    expect(screen.getByTestId('notification-bell').getAttribute('aria-label')).toBe('通知，2 条未读');
    fireEvent.click(screen.getByTestId('notification-bell'));
    const items = await screen.findAllByTestId('notification-item');
    expect(items.map((i) => i.getAttribute('data-link'))).toEqual(['/orders/3', '/live/9', '/orders/1']);
    expect(within(items[0]).getByLabelText('未读')).toBeTruthy();
    expect(within(items[2]).queryByLabelText('未读')).toBeNull();
    expect(items[0].textContent).toContain('5 分钟前');

    fireEvent.click(items[1]); // opens the room and marks it read
    await waitFor(() => expect(screen.getByTestId('where').textContent).toBe('/live/9'));
    expect(s.calls).toContain('POST /api/notifications/2/read');
    expect(screen.getByTestId('notification-count').textContent).toBe('1');
    expect(screen.queryByTestId('notification-panel')).toBeNull();
  });

  it('marks all read and loads more pages on demand', async () => {
    const s: Server = {
      unread: 3,
      calls: [],
      pages: { '': { items: [note(5), note(4)], next: '4' }, '4': { items: [note(3)], next: null } },
    };
    renderBell(s);
    await screen.findByTestId('notification-count');
    fireEvent.click(screen.getByTestId('notification-bell'));
    expect(await screen.findAllByTestId('notification-item')).toHaveLength(2);
    fireEvent.click(screen.getByTestId('notification-more'));
    await waitFor(() => expect(screen.getAllByTestId('notification-item')).toHaveLength(3));
    expect(screen.queryByTestId('notification-more')).toBeNull();
    fireEvent.click(screen.getByTestId('notification-read-all'));
    await waitFor(() => expect(screen.queryByTestId('notification-count')).toBeNull());
    expect(s.calls).toContain('POST /api/notifications/read-all');
    expect(screen.queryAllByLabelText('未读')).toHaveLength(0);
  });

  it('says so when there are none', async () => {
    renderBell({ unread: 0, calls: [], pages: {} });
    fireEvent.click(screen.getByTestId('notification-bell'));
    expect((await screen.findByTestId('notification-panel')).textContent).toContain('暂无通知');
  });

  it('counts a pushed notification once, lists it and shows a toast that opens its link', async () => {
    const s: Server = { unread: 0, calls: [], pages: { '': { items: [note(1, { readAt: '2026-12-01T00:00:00Z' })], next: null } } };
    const { realtime } = renderBell(s);
    await realtime.connect();
    await waitFor(() => expect(realtime.fake.live(QUEUE)).toHaveLength(1));
    expect(isBackgroundOnly()).toBe(true); // the bell alone does not show the connection badge
    expect(screen.getByTestId('notification-bell').getAttribute('data-status')).toBe('connected');
    fireEvent.click(screen.getByTestId('notification-bell'));
    await screen.findAllByTestId('notification-item');

    const pushed = { id: 7, eventId: 70, type: 'live-started', title: '「新茶品鉴会」开播了', body: '东裕茗茶 正在直播', link: '/live/12', at: new Date().toISOString() };
    realtime.deliver(QUEUE, pushed);
    realtime.deliver(QUEUE, pushed); // delivered at least once: the repeat is dropped
    expect(screen.getByTestId('notification-count').textContent).toBe('1');
    const items = screen.getAllByTestId('notification-item');
    expect(items.map((i) => i.getAttribute('data-link'))).toEqual(['/live/12', '/orders/1']);
    expect(items[0].textContent).toContain('刚刚');
    const toast = screen.getByTestId('notification-toast');
    expect(toast.textContent).toContain('「新茶品鉴会」开播了');

    // a best-effort message without a stored id is neither counted nor toasted here
    realtime.deliver(QUEUE, { eventId: undefined, type: 'order', title: '下单成功', link: '/orders/9' });
    expect(screen.getByTestId('notification-count').textContent).toBe('1');
    expect(screen.getByTestId('notification-toast').textContent).not.toContain('下单成功');

    fireEvent.click(within(toast).getByText('「新茶品鉴会」开播了'));
    await waitFor(() => expect(screen.getByTestId('where').textContent).toBe('/live/12'));
    expect(s.calls).toContain('POST /api/notifications/7/read');
    expect(screen.queryByTestId('notification-toast')).toBeNull();
  });

  it('re-reads the count on opening (another tab may have read some) and hides the toast under the list', async () => {
    const s: Server = { unread: 2, calls: [], pages: { '': { items: [note(2, { readAt: '2026-12-01T00:00:00Z' }), note(1)], next: null } } };
    const { realtime } = renderBell(s);
    expect((await screen.findByTestId('notification-count')).textContent).toBe('2');
    await realtime.connect();
    await waitFor(() => expect(realtime.fake.live(QUEUE)).toHaveLength(1));
    realtime.deliver(QUEUE, { id: 3, eventId: 30, type: 'order', title: '商家已发货', link: '/orders/3' });
    expect(screen.getByTestId('notification-toast')).toBeTruthy();
    s.unread = 1; // read elsewhere meanwhile
    fireEvent.click(screen.getByTestId('notification-bell'));
    expect(screen.queryByTestId('notification-toast')).toBeNull();
    await waitFor(() => expect(screen.getByTestId('notification-count').textContent).toBe('1'));
  });

  it('asks for the unread count again after a reconnect', async () => {
    const s: Server = { unread: 0, calls: [], pages: {} };
    const { realtime } = renderBell(s);
    await realtime.connect();
    await waitFor(() => expect(realtime.fake.live(QUEUE)).toHaveLength(1));
    s.unread = 4; // sent while the connection was down
    act(() => realtime.fake.drop());
    await waitFor(() => expect(realtime.fake.socket).toBe(true), { timeout: 3_000 }); // the reconnect after ~1 s
    act(() => realtime.fake.accept());
    expect((await screen.findByTestId('notification-count')).textContent).toBe('4');
  });
});

describe('notificationAge', () => {
  it('reads 刚刚, minutes, hours, then the Beijing date', () => {
    const now = Date.parse('2026-12-06T12:00:00Z');
    expect(notificationAge('2026-12-06T11:59:30Z', now)).toBe('刚刚');
    expect(notificationAge('2026-12-06T11:15:00Z', now)).toBe('45 分钟前');
    expect(notificationAge('2026-12-06T09:00:00Z', now)).toBe('3 小时前');
    expect(notificationAge('2026-12-04T09:00:00Z', now)).toBe('2026/12/04 17:00');
  });
});
