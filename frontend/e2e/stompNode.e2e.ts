// @stomp/stompjs in Node (no browser) against the packaged app: a guest and a logged-in user in one room,
// chat between two Node clients, the viewers count, and reconnecting after the connection is cut.
// Node 20 has no global WebSocket: the `ws` package provides it (docs/api.md "Realtime").
import { Client } from '@stomp/stompjs';
import type { IFrame, IMessage, IStompSocket, StompConfig } from '@stomp/stompjs';
import { afterEach, describe, expect, test } from 'vitest';
import WebSocket from 'ws';
import { allowDemoMerchantLive, baseUrl, demoPassword } from './support';

const PASSWORD = 'Passw0rd-e2e';
const WAIT_MS = 15_000;
const stamp = () => `${Date.now()}${Math.floor(Math.random() * 1000)}`;

interface Account {
  token: string;
  displayName: string;
  id: number;
}

async function post(path: string, body: unknown): Promise<Response> {
  return fetch(`${baseUrl()}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(body),
  });
}

/**
 * A merchant has one session live at a time unless an organiser allows more (issue 12): the demo merchant's own
 * live session stays on, so the organiser allows two, and earlier test rooms (done with) are ended first.
 */
async function makeRoomToGoLive(auth: Record<string, string>): Promise<void> {
  const mine = (await (await fetch(`${baseUrl()}/api/merchant/live-sessions?limit=100`, { headers: auth })).json()) as {
    items: Array<{ id: number; title: string; status: string; merchant: { id: number } }>;
  };
  for (const s of mine.items.filter((x) => x.status === 'LIVE' && x.title.startsWith('Node 客户端测试'))) {
    await fetch(`${baseUrl()}/api/merchant/live-sessions/${s.id}/end`, { method: 'POST', headers: auth });
  }
  await allowDemoMerchantLive(mine.items[0].merchant.id);
}

/** Registers and logs in over HTTP. */
/**
 * A room of its own for each test (exact viewer counts) where chat is open: chat needs a LIVE session, so the
 * demo merchant schedules one and goes live at once.
 */
async function freshRoom(): Promise<string> {
  const login = await post('/api/auth/login', { username: 'merchant', password: demoPassword('merchant') });
  expect(login.status).toBe(200);
  const token = ((await login.json()) as { accessToken: string }).accessToken;
  const auth = { 'Content-Type': 'application/json', Accept: 'application/json', Authorization: `Bearer ${token}` };
  const scheduled = await fetch(`${baseUrl()}/api/merchant/live-sessions`, {
    method: 'POST',
    headers: auth,
    body: JSON.stringify({
      title: `Node 客户端测试 ${stamp()}`,
      startsAt: new Date(Date.now() + 3_600_000).toISOString(),
      streamUrl: 'https://live.example.com/node/index.m3u8',
      productIds: [],
    }),
  });
  expect(scheduled.status, await scheduled.clone().text()).toBe(201);
  const { id } = (await scheduled.json()) as { id: number };
  await makeRoomToGoLive(auth);
  const started = await fetch(`${baseUrl()}/api/merchant/live-sessions/${id}/start`, { method: 'POST', headers: auth });
  expect(started.status, await started.clone().text()).toBe(200);
  return String(id);
}

async function newAccount(): Promise<Account> {
  const s = stamp();
  const username = `e2e_node_${s}`.slice(0, 32);
  const displayName = `节点${s.slice(-4)}`;
  const reg = await post('/api/auth/register', { username, password: PASSWORD, displayName });
  expect(reg.status, await reg.clone().text()).toBe(201);
  const login = await post('/api/auth/login', { username, password: PASSWORD });
  expect(login.status).toBe(200);
  const body = (await login.json()) as { accessToken: string; user: { id: number } };
  return { token: body.accessToken, displayName, id: body.user.id };
}

/** Messages of one destination; `next` waits for the first one (after those already taken) that matches. */
class Inbox {
  readonly messages: IMessage[] = [];
  private taken = 0;
  private waiters: Array<() => void> = [];

  add = (message: IMessage) => {
    this.messages.push(message);
    this.waiters.forEach((wake) => wake());
  };

  async next(match: (body: Record<string, unknown>, m: IMessage) => boolean = () => true): Promise<IMessage> {
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      while (this.taken < this.messages.length) {
        const m = this.messages[this.taken++];
        if (match(JSON.parse(m.body) as Record<string, unknown>, m)) return m;
      }
      const left = deadline - Date.now();
      if (left <= 0) {
        const seen = this.messages.map((m) => m.body).join('\n');
        throw new Error(`no matching message within ${WAIT_MS} ms; received:\n${seen}`);
      }
      await new Promise<void>((wake) => {
        const timer = setTimeout(wake, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          wake();
        });
      });
      this.waiters = [];
    }
  }
}

/** A stompjs client on `ws`; `connects` counts CONNECTED frames (reconnects included). */
class NodeStomp {
  readonly client: Client;
  readonly sockets: WebSocket[] = [];
  connects = 0;
  readonly errors: string[] = [];
  private connectedWaiters: Array<(frame: IFrame) => void> = [];
  private readonly subscriptions = new Map<string, Inbox>();

  constructor(token: string | null, config: StompConfig = {}) {
    const url = `${baseUrl().replace(/^http/, 'ws')}/ws`;
    this.client = new Client({
      webSocketFactory: () => {
        const socket = new WebSocket(url, ['v12.stomp', 'v11.stomp', 'v10.stomp']);
        this.sockets.push(socket);
        return socket as unknown as IStompSocket;
      },
      connectHeaders: token ? { Authorization: `Bearer ${token}` } : {},
      reconnectDelay: 0,
      ...config,
    });
    this.client.onConnect = (frame) => {
      this.connects++;
      // stompjs does not resubscribe by itself: every (re)connect subscribes again, as the app's client does
      for (const [destination, inbox] of this.subscriptions) this.client.subscribe(destination, inbox.add);
      this.connectedWaiters.splice(0).forEach((wake) => wake(frame));
    };
    this.client.onStompError = (frame) => {
      this.errors.push(`${frame.headers.message}: ${frame.body}`);
    };
  }

  /** Activates and resolves with the CONNECTED frame. */
  connect(): Promise<IFrame> {
    const connected = this.nextConnect();
    this.client.activate();
    return connected;
  }

  nextConnect(): Promise<IFrame> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`not connected within ${WAIT_MS} ms`)), WAIT_MS);
      this.connectedWaiters.push((frame) => {
        clearTimeout(timer);
        resolve(frame);
      });
    });
  }

  /** Subscribes (now and after every reconnect) and waits for the server's RECEIPT. */
  async subscribe(destination: string): Promise<Inbox> {
    const inbox = new Inbox();
    this.subscriptions.set(destination, inbox);
    const receipt = `sub-${this.subscriptions.size}`;
    const received = this.receipt(receipt);
    this.client.subscribe(destination, inbox.add, { receipt });
    await received;
    return inbox;
  }

  /** Sends with a receipt and waits for it. */
  async send(destination: string, body: unknown): Promise<void> {
    const receipt = `send-${stamp()}`;
    const received = this.receipt(receipt);
    this.client.publish({ destination, body: JSON.stringify(body), headers: { receipt } });
    await received;
  }

  /** Sends with a receipt that the server must not answer (the SEND is refused); answers the receipt id. */
  sendRefused(destination: string, body: unknown): string {
    const receipt = `refused-${stamp()}`;
    this.client.publish({ destination, body: JSON.stringify(body), headers: { receipt } });
    return receipt;
  }

  private receipt(id: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no RECEIPT ${id} within ${WAIT_MS} ms`)), WAIT_MS);
      this.client.watchForReceipt(id, () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}

const clients: NodeStomp[] = [];
function stomp(token: string | null, config?: StompConfig): NodeStomp {
  const c = new NodeStomp(token, config);
  clients.push(c);
  return c;
}

afterEach(async () => {
  const done = clients.splice(0);
  for (const c of done) await c.client.deactivate();
  expect(done.flatMap((c) => c.errors)).toEqual([]);
});

const viewers = (inbox: Inbox, now: number) => inbox.next((body) => body.now === now);

describe('@stomp/stompjs in Node', () => {
  test('a guest receives the chat a logged-in user sends, with its stream id', async () => {
    const room = await freshRoom();
    const account = await newAccount();
    const guest = stomp(null);
    const user = stomp(account.token);
    const [guestConnected, userConnected] = await Promise.all([guest.connect(), user.connect()]);
    expect(guestConnected.headers.version).toBe('1.2');
    expect(guestConnected.headers['user-name']).toMatch(/^anon-/);
    expect(userConnected.headers['user-name']).toMatch(/^[0-9]+$/);

    const seenByGuest = await guest.subscribe(`/topic/live/${room}/chat`);
    const seenByUser = await user.subscribe(`/topic/live/${room}/chat`);
    const text = `Node 客户端你好 ${stamp()}`;
    await user.send(`/app/live/${room}/chat`, { text });

    const line = await seenByGuest.next((body) => body.text === text);
    expect(JSON.parse(line.body)).toMatchObject({ room: `live:${room}`, name: account.displayName, userId: String(account.id) });
    expect(line.headers['x-stream-id']).toMatch(/^\d+-\d+$/);
    expect(line.headers['content-type']).toBe('application/json');
    await seenByUser.next((body) => body.text === text);
  });

  test('a guest may not chat: the refusal comes on its error queue and the connection stays', async () => {
    const room = await freshRoom();
    const guest = stomp(null);
    await guest.connect();
    const errors = await guest.subscribe('/user/queue/errors');
    // a refused SEND gets no RECEIPT: its error names the SEND's receipt id instead (header and field)
    const receipt = guest.sendRefused(`/app/live/${room}/chat`, { text: 'hello' });
    const error = await errors.next();
    expect(JSON.parse(error.body)).toMatchObject({
      code: 'unauthenticated',
      destination: `/app/live/${room}/chat`,
      'receipt-id': receipt,
    });
    expect(error.headers['receipt-id']).toBe(receipt);
    expect(guest.client.connected).toBe(true);
  });

  test('the viewers count goes 1 → 2 → 1 as a second client comes and goes', async () => {
    const room = await freshRoom();
    const first = stomp(null);
    await first.connect();
    const counts = await first.subscribe(`/topic/live/${room}/viewers`);
    await viewers(counts, 1);

    const second = stomp((await newAccount()).token);
    await second.connect();
    await second.subscribe(`/topic/live/${room}/chat`); // any topic of the room makes a viewer
    await viewers(counts, 2);

    await second.client.deactivate();
    await viewers(counts, 1);
  });

  test('after the connection is cut it reconnects, resubscribes and receives again', async () => {
    const room = await freshRoom();
    const account = await newAccount();
    const watcher = stomp(null);
    await watcher.connect();
    const counts = await watcher.subscribe(`/topic/live/${room}/viewers`);
    const sender = stomp(account.token);
    await sender.connect();

    const viewer = stomp(null, { reconnectDelay: 300 });
    await viewer.connect();
    const chat = await viewer.subscribe(`/topic/live/${room}/chat`);
    await viewers(counts, 2);

    const cut = counts.messages.length;
    const reconnected = viewer.nextConnect();
    viewer.sockets[0].terminate(); // the TCP connection is gone, no close handshake, no DISCONNECT
    await reconnected;
    expect(viewer.connects).toBe(2);
    expect(viewer.sockets).toHaveLength(2);

    // the cut connection left the room: since the cut the count comes back to 2 (watcher + new connection);
    // had it stayed, the new connection's join would make it 3 and nothing would bring it back to 2. The server
    // counts a viewer once its subscription is live, so after this the resubscribed chat cannot miss a message
    // (the resubscription carries no receipt and no replay: a chat sent before it is live would be lost)
    await counts.next((body, m) => counts.messages.indexOf(m) >= cut && body.now === 2);

    const text = `断线重连之后 ${stamp()}`;
    await sender.send(`/app/live/${room}/chat`, { text });
    await chat.next((body) => body.text === text);
  });
});
