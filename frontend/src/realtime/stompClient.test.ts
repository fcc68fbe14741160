import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeStomp } from '../test/fakeStomp';
import type { ConnectionStatus } from './connectionStatus';
import { brokerUrl, RealtimeClient } from './stompClient';

const CHAT = '/topic/live/9/chat';
const VIEWERS = '/topic/live/9/viewers';
let cleanup: Array<() => void> = [];

function setup(initialToken: string | null = null) {
  const fake = new FakeStomp();
  let token = initialToken;
  const sessionListeners = new Set<() => void>();
  const statuses: ConnectionStatus[] = [];
  const onAuthRejected = vi.fn();
  const rt = new RealtimeClient({
    createClient: () => fake,
    getToken: () => token,
    getGuestPass: async () => 'guest-pass.sig',
    subscribeSession: (l) => {
      sessionListeners.add(l);
      return () => sessionListeners.delete(l);
    },
    onStatus: (s) => statuses.push(s),
    onAuthRejected,
    random: () => 0,
    lingerMs: 5_000,
  });
  cleanup.push(() => rt.dispose());
  const setToken = (t: string | null) => {
    token = t;
    for (const l of sessionListeners) l();
  };
  return { fake, rt, statuses, setToken, onAuthRejected };
}

/** Let promises (beforeConnect, deactivate().then) settle. */
const settle = () => vi.advanceTimersByTimeAsync(0);

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  for (const c of cleanup.splice(0)) c();
  vi.useRealTimers();
});

describe('RealtimeClient', () => {
  it('derives the broker URL from the page location', () => {
    expect(brokerUrl({ protocol: 'http:', host: 'localhost:5173' })).toBe('ws://localhost:5173/ws');
    expect(brokerUrl({ protocol: 'https:', host: 'hall.example.cn' })).toBe('wss://hall.example.cn/ws');
  });

  it('connects lazily on the first topic and lets go LINGER after the last', async () => {
    const { fake, rt, statuses } = setup();
    await settle();
    expect(fake.activations).toBe(0);
    expect(rt.getStatus()).toBe('idle');

    const off = rt.subscribe(VIEWERS, vi.fn());
    await settle();
    expect(fake.activations).toBe(1);
    expect(statuses).toEqual(['connecting']);
    fake.accept();
    expect(rt.getStatus()).toBe('connected');
    // The errors queue is subscribed first, then the topic.
    expect(fake.subscriptions.map((s) => s.destination)).toEqual(['/user/queue/errors', VIEWERS]);

    off();
    expect(fake.live(VIEWERS)).toHaveLength(0); // leaves the room at once
    await vi.advanceTimersByTimeAsync(4_999);
    expect(fake.active).toBe(true);
    await vi.advanceTimersByTimeAsync(1);
    expect(fake.active).toBe(false);
    expect(rt.getStatus()).toBe('idle');
  });

  it('a new topic within the linger time keeps the connection', async () => {
    const { fake, rt } = setup();
    const off = rt.subscribe(VIEWERS, vi.fn());
    await settle();
    fake.accept();
    off();
    await vi.advanceTimersByTimeAsync(3_000);
    rt.subscribe(CHAT, vi.fn());
    await vi.advanceTimersByTimeAsync(10_000);
    expect(fake.active).toBe(true);
    expect(fake.activations).toBe(1);
    expect(fake.live(CHAT)).toHaveLength(1);
  });

  it('sends the Bearer token and reconnects with the new identity on login and logout', async () => {
    const { fake, rt, setToken } = setup('tok-1');
    rt.subscribe(CHAT, vi.fn());
    await settle();
    fake.accept();
    expect(fake.attempts).toEqual([{ Authorization: 'Bearer tok-1' }]);

    setToken('tok-1'); // e.g. the user object was refreshed: same token, nothing to do
    await settle();
    expect(fake.activations).toBe(1);

    setToken(null); // logout
    await settle();
    expect(fake.activations).toBe(2);
    expect(rt.getStatus()).toBe('connecting');
    expect(fake.attempts[1]).toEqual({ 'x-guest': 'guest-pass.sig' }); // a guest keeps its signed id
    fake.accept();
    expect(fake.live(CHAT)).toHaveLength(1);

    setToken('tok-2'); // login
    await settle();
    expect(fake.attempts[2]).toEqual({ Authorization: 'Bearer tok-2' });
  });

  it('reconnects with exponential backoff, reset by a successful connection', async () => {
    const { fake, rt, statuses } = setup();
    rt.subscribe(VIEWERS, vi.fn());
    await settle();
    fake.accept();

    fake.drop();
    expect(rt.getStatus()).toBe('reconnecting');
    const retryAfter = async (ms: number) => {
      const before = fake.activations;
      await vi.advanceTimersByTimeAsync(ms - 1);
      expect(fake.activations).toBe(before);
      await vi.advanceTimersByTimeAsync(1);
      expect(fake.activations).toBe(before + 1);
    };
    await retryAfter(1_000);
    fake.drop(); // the attempt fails
    await retryAfter(2_000);
    fake.drop();
    await retryAfter(4_000);
    fake.accept();
    expect(rt.getStatus()).toBe('connected');
    fake.drop();
    await retryAfter(1_000);
    expect(statuses.filter((s) => s === 'reconnecting').length).toBeGreaterThanOrEqual(2);
  });

  it('resubscribes after a drop and resumes the chat after the last stream id', async () => {
    const { fake, rt } = setup();
    const chat = vi.fn();
    rt.subscribe(CHAT, chat, { replaySince: '0' });
    await settle();
    fake.accept();
    expect(fake.live(CHAT)[0].headers).toEqual({ 'x-replay-since': '0' });
    fake.deliver(CHAT, { id: 'a' }, { 'x-stream-id': '100-0' });
    fake.drop();
    await vi.advanceTimersByTimeAsync(1_000);
    fake.accept();
    expect(fake.live(CHAT)).toHaveLength(1);
    expect(fake.live(CHAT)[0].headers).toEqual({ 'x-replay-since': '100-0' });
    fake.deliver(CHAT, { id: 'a' }, { 'x-stream-id': '100-0' });
    fake.deliver(CHAT, { id: 'b' }, { 'x-stream-id': '101-0' });
    expect(chat.mock.calls.map(([m]) => m)).toEqual([{ id: 'a' }, { id: 'b' }]);
  });

  it('send() publishes JSON while connected and refuses (false) otherwise', async () => {
    const { fake, rt } = setup('t');
    expect(rt.send('/app/live/9/like', {})).toBe(false);
    rt.subscribe(VIEWERS, vi.fn());
    await settle();
    expect(rt.send('/app/live/9/chat', { text: '早' })).toBe(false);
    fake.accept();
    expect(rt.send('/app/live/9/chat', { text: '早' })).toBe(true);
    expect(fake.published).toEqual([
      { destination: '/app/live/9/chat', body: { text: '早' }, headers: { 'content-type': 'application/json' } },
    ]);
    fake.drop();
    expect(rt.send('/app/live/9/chat', { text: '晚' })).toBe(false);
    expect(fake.published).toHaveLength(1);
  });

  it('hands /user/queue/errors payloads to error listeners', async () => {
    const { fake, rt } = setup('t');
    const seen = vi.fn();
    const off = rt.onError(seen);
    rt.subscribe(VIEWERS, vi.fn());
    await settle();
    fake.accept();
    const err = { destination: '/app/live/9/chat', code: 'rate-limited', message: '发言太频繁' };
    fake.deliver('/user/queue/errors', err);
    fake.deliver('/user/queue/errors', 'not an error object');
    expect(seen.mock.calls).toEqual([[err]]);
    off();
    fake.deliver('/user/queue/errors', err);
    expect(seen).toHaveBeenCalledTimes(1);
  });

  it('shows offline and waits for the network before retrying', async () => {
    const { fake, rt } = setup();
    rt.subscribe(VIEWERS, vi.fn());
    await settle();
    fake.accept();
    window.dispatchEvent(new Event('offline'));
    expect(rt.getStatus()).toBe('offline');
    fake.drop();
    expect(rt.getStatus()).toBe('offline');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fake.activations).toBe(1);
    window.dispatchEvent(new Event('online'));
    expect(rt.getStatus()).toBe('reconnecting');
    await settle();
    expect(fake.activations).toBe(2);
    fake.accept();
    expect(rt.getStatus()).toBe('connected');
  });

  it('checks the session when the server refuses a token', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { fake, rt, onAuthRejected } = setup('revoked');
    rt.subscribe(VIEWERS, vi.fn());
    await settle();
    fake.error('Invalid token');
    expect(onAuthRejected).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('Invalid token'));
    expect(rt.getStatus()).toBe('reconnecting');
  });
});
