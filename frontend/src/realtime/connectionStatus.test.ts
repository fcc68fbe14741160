import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  CONNECTION_LABELS,
  getConnectionStatus,
  setConnectionStatus,
  subscribeConnectionStatus,
} from './connectionStatus';

afterEach(() => setConnectionStatus('idle'));

describe('connectionStatus store', () => {
  it('starts idle and labels every state in Chinese', () => {
    expect(getConnectionStatus()).toBe('idle');
    expect(CONNECTION_LABELS).toEqual({
      idle: '未连接',
      connecting: '连接中',
      connected: '实时已连接',
      reconnecting: '重连中',
      offline: '离线',
    });
  });

  it('notifies subscribers of changes only, until they unsubscribe', () => {
    const seen = vi.fn();
    const off = subscribeConnectionStatus(seen);
    setConnectionStatus('connecting');
    setConnectionStatus('connecting');
    setConnectionStatus('connected');
    off();
    setConnectionStatus('offline');
    expect(seen.mock.calls).toEqual([['connecting'], ['connected']]);
    expect(getConnectionStatus()).toBe('offline');
  });
});
