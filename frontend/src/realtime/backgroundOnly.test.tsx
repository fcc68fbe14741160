import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ConnectionBadge } from '../components/ConnectionBadge';
import { fakeRealtime } from '../test/realtime';
import { isBackgroundOnly, setBackgroundOnly, setConnectionStatus } from './connectionStatus';
import { SubscriptionRegistry } from './subscriptions';

afterEach(() => {
  setConnectionStatus('idle');
  setBackgroundOnly(false);
});

describe('background subscriptions (the header’s notifications)', () => {
  it('keep the connection wanted, and the registry says when only they do', () => {
    const seen: boolean[] = [];
    let active = 0;
    const registry = new SubscriptionRegistry({
      onActive: () => active++,
      onIdle: () => active--,
      onBackgroundOnly: (only) => seen.push(only),
    });
    const stopBell = registry.add('/user/queue/notifications', () => undefined, { background: true });
    expect(active).toBe(1);
    expect(registry.isBackgroundOnly()).toBe(true);
    const stopRoom = registry.add('/topic/live/1/chat', () => undefined);
    expect(registry.isBackgroundOnly()).toBe(false);
    stopRoom();
    expect(registry.isBackgroundOnly()).toBe(true);
    stopBell();
    expect(registry.isBackgroundOnly()).toBe(false);
    expect(active).toBe(0);
    expect(seen).toEqual([true, false, true, false]);
  });

  it('open the connection but leave the badge hidden until a page uses live data', async () => {
    const { rt, fake, connect } = fakeRealtime();
    render(<ConnectionBadge />);
    let stopBell = () => undefined as void;
    act(() => {
      stopBell = rt.subscribe('/user/queue/notifications', () => undefined, { background: true });
    });
    await connect();
    expect(fake.live('/user/queue/notifications')).toHaveLength(1);
    expect(isBackgroundOnly()).toBe(true);
    expect(screen.queryByTestId('connection-status')).toBeNull();
    let stopRoom = () => undefined as void;
    act(() => {
      stopRoom = rt.subscribe('/topic/live/1/viewers', () => undefined);
    });
    expect(screen.getByTestId('connection-status').getAttribute('data-status')).toBe('connected');
    act(() => stopRoom());
    expect(screen.queryByTestId('connection-status')).toBeNull();
    act(() => stopBell());
  });
});
