// A tiny observable store for the realtime (STOMP) connection state.
// Driven by the app's STOMP client (stompClient.ts): 'idle' until a page subscribes to a topic.
import { useSyncExternalStore } from 'react';

export type ConnectionStatus = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'offline';

export const CONNECTION_LABELS: Record<ConnectionStatus, string> = {
  idle: '未连接',
  connecting: '连接中',
  connected: '实时已连接',
  reconnecting: '重连中',
  offline: '离线',
};

type Listener = (status: ConnectionStatus) => void;

let current: ConnectionStatus = 'idle';
const listeners = new Set<Listener>();

export function getConnectionStatus(): ConnectionStatus {
  return current;
}

export function setConnectionStatus(next: ConnectionStatus): void {
  if (next === current) return;
  current = next;
  for (const l of listeners) l(next);
}

export function subscribeConnectionStatus(l: Listener): () => void {
  listeners.add(l);
  return () => {
    listeners.delete(l);
  };
}

// Whether the connection is open only for background topics (the header's notifications): the page itself uses no
// live data then, so the connection badge stays hidden. Set by the app's STOMP client.
let backgroundOnly = false;
const backgroundListeners = new Set<() => void>();

export function isBackgroundOnly(): boolean {
  return backgroundOnly;
}

export function setBackgroundOnly(next: boolean): void {
  if (next === backgroundOnly) return;
  backgroundOnly = next;
  for (const l of backgroundListeners) l();
}

function subscribeBackgroundOnly(l: () => void): () => void {
  backgroundListeners.add(l);
  return () => {
    backgroundListeners.delete(l);
  };
}

/** React hook: true while only background topics (notifications) keep the connection open. */
export function useBackgroundOnly(): boolean {
  return useSyncExternalStore(subscribeBackgroundOnly, isBackgroundOnly, isBackgroundOnly);
}

/** React hook: re-renders when the status changes. */
export function useConnectionStatus(): ConnectionStatus {
  return useSyncExternalStore(subscribeConnectionStatus, getConnectionStatus, getConnectionStatus);
}
