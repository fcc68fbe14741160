import { renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { fakeRealtime } from '../test/realtime';
import { useLatest, useTopicList } from './useTopic';

const VIEWERS = '/topic/live/3/viewers';
const CHAT = '/topic/live/3/chat';

describe('useLatest', () => {
  it('returns the newest value and follows updates', async () => {
    const { wrap, connect, deliver, fake } = fakeRealtime();
    const { result, unmount } = renderHook(() => useLatest<{ now: number }>(VIEWERS), {
      wrapper: ({ children }) => wrap(children),
    });
    expect(result.current).toBeUndefined();
    await connect();
    expect(fake.live(VIEWERS)).toHaveLength(1);
    deliver(VIEWERS, { now: 1 });
    expect(result.current).toEqual({ now: 1 });
    deliver(VIEWERS, { now: 2 });
    expect(result.current).toEqual({ now: 2 });
    unmount();
    expect(fake.live(VIEWERS)).toHaveLength(0);
  });

  it('starts from the cached value when the topic is already subscribed, and resets on a new destination', async () => {
    const { wrap, connect, deliver } = fakeRealtime();
    const wrapper = ({ children }: { children: ReactNode }) => wrap(children);
    renderHook(() => useLatest<{ now: number }>(VIEWERS), { wrapper });
    await connect();
    deliver(VIEWERS, { now: 5 });
    const second = renderHook(({ d }) => useLatest<{ now: number }>(d), { wrapper, initialProps: { d: VIEWERS as string | null } });
    expect(second.result.current).toEqual({ now: 5 });
    second.rerender({ d: '/topic/live/4/viewers' });
    expect(second.result.current).toBeUndefined();
    second.rerender({ d: null });
    expect(second.result.current).toBeUndefined();
  });
});

describe('useTopicList', () => {
  it('accumulates newest last, drops repeated keys and keeps only the last `limit`', async () => {
    const { wrap, connect, deliver } = fakeRealtime();
    const { result } = renderHook(
      () => useTopicList<{ id: string }>(CHAT, { limit: 3, key: (m) => m.id }),
      { wrapper: ({ children }) => wrap(children) },
    );
    await connect();
    for (const id of ['a', 'b', 'b', 'c', 'd']) deliver(CHAT, { id });
    expect(result.current.map((m) => m.id)).toEqual(['b', 'c', 'd']);
  });
});
