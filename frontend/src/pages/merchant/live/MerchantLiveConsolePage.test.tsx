import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import type { LiveSessionDetail } from '../../../api/live';
import { fakeRealtime } from '../../../test/realtime';
import { makeUser, renderWithAuth } from '../../../test/renderWithAuth';
import { MerchantLiveConsolePage } from './MerchantLiveConsolePage';

const merchant = makeUser(['VIEWER', 'MERCHANT'], { id: 5 });

const detail = (over: Partial<LiveSessionDetail> = {}): LiveSessionDetail => ({
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
    { productId: 9, name: '紫阳富硒茶', priceFen: 9900, coverFileId: null, onSale: true },
  ],
  pinned: null,
  viewers: { now: 0, peak: 0, unique: 0, watchSeconds: 0 },
  reminderCount: 2,
  reminded: false,
  ...over,
});

type Call = { method: string; path: string; body: unknown };

function renderConsole(session: LiveSessionDetail = detail()) {
  const calls: Call[] = [];
  const realtime = fakeRealtime();
  const view = renderWithAuth(
    realtime.wrap(
      <Routes>
        <Route path="/merchant/live/:id" element={<MerchantLiveConsolePage />} />
      </Routes>,
    ),
    merchant,
    '/merchant/live/42',
    async (input, init) => {
      const url = new URL(String(input), 'http://localhost');
      const method = init?.method ?? 'GET';
      const body = init?.body ? JSON.parse(String(init.body)) : undefined;
      if (method !== 'GET') calls.push({ method, path: url.pathname, body });
      if (url.pathname === '/api/merchant/live-sessions/42/lineup') {
        const byId = new Map(session.lineup.map((p) => [p.productId, p]));
        return Response.json({ ...session, lineup: (body as { productIds: number[] }).productIds.map((id) => byId.get(id)) });
      }
      if (url.pathname === '/api/merchant/live-sessions/42') return Response.json(session);
      if (url.pathname === '/api/live-sessions/42/moderation/mutes' && method === 'GET') return Response.json([]);
      if (url.pathname === '/api/live-sessions/42/moderation/mutes/8' && method === 'PUT')
        return Response.json({ userId: 8, displayName: '观众甲', mutedAt: '2026-11-23T04:06:00Z' });
      if (url.pathname === '/api/live-sessions/42/moderation/hidden') return new Response(null, { status: 204 });
      if (url.pathname.startsWith('/api/merchant/orders/figures')) return Response.json({ sessionId: 42, orders: 0, gmvFen: 0 });
      if (url.pathname.startsWith('/api/merchant/flash-deals')) return Response.json([]);
      if (url.pathname.startsWith('/api/merchant/products')) return Response.json({ items: [], next: null });
      return Response.json(merchant);
    },
  );
  return { ...realtime, ...view, calls };
}

describe('MerchantLiveConsolePage', () => {
  it('lays the console out in stage, lineup and chat columns, the lineup in the merchant’s order', async () => {
    renderConsole();
    await screen.findByTestId('console-stage');
    expect(screen.getByTestId('console-lineup')).toBeTruthy();
    expect(screen.getByTestId('console-chat')).toBeTruthy();
    expect(within(screen.getByTestId('console-stage')).getByTestId('live-player')).toBeTruthy();
    expect(within(screen.getByTestId('console-stage')).getByTestId('end-live')).toBeTruthy();
    const names = screen.getAllByTestId('console-product').map((li) => li.textContent);
    expect(names[0]).toContain('东裕绿茶');
    expect(names[2]).toContain('紫阳富硒茶');
    expect(within(screen.getByTestId('console-lineup')).getAllByTestId('pin')).toHaveLength(3);
  });

  it('moves a product down and shows the order the server stored', async () => {
    const { calls } = renderConsole();
    await screen.findByTestId('console-lineup');
    const first = screen.getAllByTestId('console-product')[0];
    expect((within(first).getByTestId('move-up') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(within(first).getByTestId('move-down'));
    await waitFor(() => expect(screen.getAllByTestId('console-product')[0].textContent).toContain('白瓷茶杯'));
    expect(calls).toContainEqual({ method: 'PUT', path: '/api/merchant/live-sessions/42/lineup', body: { productIds: [8, 7, 9] } });
  });

  it('hides a chat line by its stream id and mutes its author', async () => {
    const { calls, connect, deliver } = renderConsole();
    await screen.findByTestId('console-chat');
    await connect();
    deliver('/topic/live/42/chat', { room: 'live:42', userId: '8', name: '观众甲', text: '加微信', at: '2026-11-23T04:05:06Z' }, { 'x-stream-id': '17-0' });
    const line = await screen.findByTestId('chat-message');
    fireEvent.click(within(line).getByTestId('hide-message'));
    await waitFor(() => expect(calls).toContainEqual({ method: 'POST', path: '/api/live-sessions/42/moderation/hidden', body: { messageId: '17-0' } }));
    fireEvent.click(within(line).getByTestId('mute-user'));
    await waitFor(() => expect(within(screen.getByTestId('console-mutes')).getByText('观众甲')).toBeTruthy());
    expect(calls).toContainEqual({ method: 'PUT', path: '/api/live-sessions/42/moderation/mutes/8', body: undefined });
    expect(within(screen.getByTestId('chat-message')).getByText('已禁言')).toBeTruthy();
  });

  it('asks in a dialog before ending; dismissing it ends nothing', async () => {
    const { calls } = renderConsole();
    fireEvent.click(await screen.findByTestId('end-live'));
    const dialog = screen.getByRole('dialog', { name: '下播' });
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(calls.filter((c) => c.path.endsWith('/end'))).toEqual([]);
  });

  it('offers reordering but no pins while scheduled', async () => {
    renderConsole(detail({ status: 'SCHEDULED', startedAt: null }));
    await screen.findByTestId('console-lineup');
    expect(screen.queryAllByTestId('pin')).toHaveLength(0);
    expect(screen.getAllByTestId('move-down')).toHaveLength(3);
    expect(screen.getByTestId('chat-closed').textContent).toBe('开播后观众可以发言');
  });
});
