// The transport under the realtime client: a real @stomp/stompjs Client (or a test fake).
import { Client } from '@stomp/stompjs';

export const HEARTBEAT_MS = 10_000;

/** The part of @stomp/stompjs' Client used here (tests substitute a fake). */
export type StompLike = Pick<
  Client,
  | 'connectHeaders'
  | 'beforeConnect'
  | 'onConnect'
  | 'onStompError'
  | 'onWebSocketClose'
  | 'connected'
  | 'active'
  | 'activate'
  | 'deactivate'
  | 'publish'
  | 'subscribe'
>;

export function brokerUrl(loc: Pick<Location, 'protocol' | 'host'> = window.location): string {
  return `${loc.protocol === 'https:' ? 'wss' : 'ws'}://${loc.host}/ws`;
}

export function listen(event: 'online' | 'offline', fn: () => void): () => void {
  if (typeof window === 'undefined') return () => undefined;
  window.addEventListener(event, fn);
  return () => window.removeEventListener(event, fn);
}

export function defaultClient(): StompLike {
  return new Client({
    brokerURL: brokerUrl(),
    reconnectDelay: 0,
    heartbeatIncoming: HEARTBEAT_MS,
    heartbeatOutgoing: HEARTBEAT_MS,
    connectionTimeout: 10_000,
  });
}
