import { describe, expect, it, vi } from 'vitest';
import { FakeStomp } from '../test/fakeStomp';
import { REPLAY_HEADER, REPLAY_LAST_HEADER, SubscriptionRegistry } from './subscriptions';

/** A fake whose socket is up and CONNECTED (the registry only needs subscribe()). */
function connected(): FakeStomp {
  const f = new FakeStomp();
  f.socket = true;
  f.connected = true;
  return f;
}

const CHAT = '/topic/live/7/chat';
const VIEWERS = '/topic/live/7/viewers';

describe('SubscriptionRegistry', () => {
  it('shares one STOMP subscription per destination and unsubscribes with the last listener', () => {
    const hooks = { onActive: vi.fn(), onIdle: vi.fn() };
    const reg = new SubscriptionRegistry(hooks);
    const stomp = connected();
    reg.attach(stomp);
    const a = vi.fn();
    const b = vi.fn();
    const offA = reg.add(VIEWERS, a);
    const offB = reg.add(VIEWERS, b);
    expect(hooks.onActive).toHaveBeenCalledTimes(1);
    expect(stomp.live(VIEWERS)).toHaveLength(1);

    stomp.deliver(VIEWERS, { now: 3 });
    expect(a).toHaveBeenCalledWith({ now: 3 }, expect.objectContaining({ destination: VIEWERS }));
    expect(b).toHaveBeenCalledTimes(1);
    expect(reg.latest(VIEWERS)).toEqual({ now: 3 });

    offA();
    expect(stomp.live(VIEWERS)).toHaveLength(1);
    expect(hooks.onIdle).not.toHaveBeenCalled();
    offB();
    offB(); // twice is harmless
    expect(stomp.live(VIEWERS)).toHaveLength(0);
    expect(reg.latest(VIEWERS)).toBeUndefined();
    expect(hooks.onIdle).toHaveBeenCalledTimes(1);
  });

  it('internal subscriptions do not make the registry active', () => {
    const hooks = { onActive: vi.fn(), onIdle: vi.fn() };
    const reg = new SubscriptionRegistry(hooks);
    const off = reg.add('/user/queue/errors', vi.fn(), { internal: true });
    expect(reg.activeCount()).toBe(0);
    off();
    expect(hooks.onActive).not.toHaveBeenCalled();
    expect(hooks.onIdle).not.toHaveBeenCalled();
  });

  it('drops messages whose stream id is not above the last one seen', () => {
    const reg = new SubscriptionRegistry();
    const stomp = connected();
    reg.attach(stomp);
    const seen: unknown[] = [];
    reg.add(CHAT, (body) => seen.push(body));
    for (const [id, text] of [['5-0', 'a'], ['5-1', 'b'], ['5-1', 'b again'], ['4-9', 'old'], ['10-0', 'c']]) {
      stomp.deliver(CHAT, { text }, { 'x-stream-id': id });
    }
    expect(seen).toEqual([{ text: 'a' }, { text: 'b' }, { text: 'c' }]);
    expect(reg.lastStreamId(CHAT)).toBe('10-0');
  });

  it('resubscribes everything on reconnect, event topics with x-replay-since of the last message', () => {
    const reg = new SubscriptionRegistry();
    const chat = vi.fn();
    reg.add(CHAT, chat, { replaySince: '0' });
    reg.add(VIEWERS, vi.fn());
    reg.add('/user/queue/errors', vi.fn(), { internal: true, replay: false });

    // Added before any connection: subscribed on the first one, chat replaying the whole buffer.
    const first = connected();
    reg.attach(first);
    expect(first.live(CHAT)[0].headers).toEqual({ [REPLAY_HEADER]: '0' });
    expect(first.live(VIEWERS)[0].headers).toEqual({});

    first.deliver(CHAT, { text: 'one' }, { 'x-stream-id': '1732334706000-0' });
    first.deliver(CHAT, { text: 'two' }, { 'x-stream-id': '1732334706000-1' });
    first.deliver('/user/queue/errors', { code: 'invalid' }, { 'x-stream-id': '9-9' });
    reg.detach();

    const second = connected();
    reg.attach(second);
    expect(second.live(CHAT)).toHaveLength(1);
    expect(second.live(CHAT)[0].headers).toEqual({ [REPLAY_HEADER]: '1732334706000-1' });
    expect(second.live(VIEWERS)[0].headers).toEqual({});
    expect(second.live('/user/queue/errors')[0].headers).toEqual({});

    // A replay that overlaps what we had is deduplicated; what was missed comes through.
    second.deliver(CHAT, { text: 'two' }, { 'x-stream-id': '1732334706000-1' });
    second.deliver(CHAT, { text: 'missed' }, { 'x-stream-id': '1732334706001-0' });
    expect(chat.mock.calls.map(([b]) => (b as { text: string }).text)).toEqual(['one', 'two', 'missed']);
  });

  it('asks for only the newest messages on entry (x-replay-last), then resumes with x-replay-since', () => {
    const reg = new SubscriptionRegistry();
    reg.add(CHAT, vi.fn(), { replayLast: 100 });

    const first = connected();
    reg.attach(first);
    expect(first.live(CHAT)[0].headers).toEqual({ [REPLAY_LAST_HEADER]: '100' });
    first.deliver(CHAT, { text: 'one' }, { 'x-stream-id': '1732334706000-0' });
    reg.detach();

    const second = connected();
    reg.attach(second);
    expect(second.live(CHAT)[0].headers).toEqual({ [REPLAY_HEADER]: '1732334706000-0' });
  });

  it('subscribes at once when added while connected, and not at all while disconnected', () => {
    const reg = new SubscriptionRegistry();
    const stomp = connected();
    reg.attach(stomp);
    reg.add(CHAT, vi.fn());
    expect(stomp.live(CHAT)).toHaveLength(1);
    reg.detach();
    stomp.connected = false;
    reg.add(VIEWERS, vi.fn());
    expect(stomp.subscriptions.map((s) => s.destination)).toEqual([CHAT]);
  });

  it('ignores a body that is not JSON and keeps other listeners going when one throws', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const reg = new SubscriptionRegistry();
    const stomp = connected();
    reg.attach(stomp);
    const good = vi.fn();
    reg.add(VIEWERS, () => {
      throw new Error('boom');
    });
    reg.add(VIEWERS, good);
    stomp.live(VIEWERS)[0].callback({ headers: {}, body: 'not json' } as never);
    expect(good).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalled();
    stomp.deliver(VIEWERS, { now: 1 });
    expect(good).toHaveBeenCalledWith({ now: 1 }, expect.anything());
    expect(error).toHaveBeenCalled();
  });
  it('drops a repeat of a message the server sends at least once (same eventId)', () => {
    const reg = new SubscriptionRegistry();
    const stomp = connected();
    reg.attach(stomp);
    const got = vi.fn();
    reg.add('/user/queue/notifications', got);

    stomp.deliver('/user/queue/notifications', { type: 'live-started', eventId: 41 });
    stomp.deliver('/user/queue/notifications', { type: 'live-started', eventId: 41 });
    stomp.deliver('/user/queue/notifications', { type: 'order', eventId: 42 });
    stomp.deliver('/user/queue/notifications', { type: 'order' }); // no eventId: always delivered

    expect(got.mock.calls.map((c) => c[0])).toEqual([
      { type: 'live-started', eventId: 41 },
      { type: 'order', eventId: 42 },
      { type: 'order' },
    ]);
  });
});
