// The app's one STOMP connection (docs/api.md "Realtime").
// - Lazy: it connects when the first topic is subscribed and disconnects LINGER_MS after the last
//   one goes (so the home page reads 未连接 and a quick page change keeps the socket).
// - Logged in → CONNECT carries `Authorization: Bearer <token>`; a login/logout reconnects at once. Without an
//   account it carries the browser's signed guest id (`x-guest`, guestPass.ts).
// - Reconnects with exponential backoff + jitter (backoff.ts); stompjs' own reconnect is off
//   (`reconnectDelay: 0`) because it latches its delay and has no jitter.
// - Every active topic is resubscribed on reconnect, event topics with x-replay-since (subscriptions.ts).
// - send() does not queue: while disconnected it returns false and sends nothing (a chat line or a
//   like sent minutes late would be out of context); the page tells the user and keeps the draft.
import type { IFrame } from '@stomp/stompjs';
import { authApi } from '../api/identity';
import { getToken, subscribeSession } from '../auth/session';
import { backoffDelay } from './backoff';
import { guestPass } from './guestPass';
import { setBackgroundOnly, setConnectionStatus } from './connectionStatus';
import type { ConnectionStatus } from './connectionStatus';
import { ERRORS_DESTINATION, toRealtimeError } from './errors';
import type { RealtimeErrorListener } from './errors';
import { defaultClient, listen } from './stompTransport';
import type { StompLike } from './stompTransport';
import { SubscriptionRegistry } from './subscriptions';
import type { TopicListener, TopicOptions } from './subscriptions';

export { brokerUrl } from './stompTransport';
export type { StompLike } from './stompTransport';

export const LINGER_MS = 5_000;

export interface RealtimeOptions {
  createClient?: () => StompLike;
  getToken?: () => string | null;
  /** The browser's signed guest id, sent when there is no token (guestPass.ts). */
  getGuestPass?: () => Promise<string | null>;
  subscribeSession?: (listener: () => void) => () => void;
  /** Where connection states go (the app: the connectionStatus store). */
  onStatus?: (status: ConnectionStatus) => void;
  /** Told whether only background topics keep the connection open (the app: the connectionStatus store). */
  onBackgroundOnly?: (only: boolean) => void;
  /** The server answered ERROR while we sent a token: check it (a 401 on /api/me logs out). */
  onAuthRejected?: () => void;
  random?: () => number;
  lingerMs?: number;
}

export class RealtimeClient {
  private readonly registry: SubscriptionRegistry;
  private readonly stomp: StompLike;
  private readonly errorListeners = new Set<RealtimeErrorListener>();
  private readonly cleanups: Array<() => void> = [];
  private readonly opts: Required<Omit<RealtimeOptions, 'createClient' | 'subscribeSession'>>;
  private status: ConnectionStatus = 'idle';
  private wanted = false;
  private online = typeof navigator === 'undefined' || navigator.onLine !== false;
  private attempt = 0;
  private generation = 0;
  private tokenInUse: string | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private lingerTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(options: RealtimeOptions = {}) {
    this.opts = {
      getToken: options.getToken ?? getToken,
      getGuestPass: options.getGuestPass ?? (() => guestPass()),
      onStatus: options.onStatus ?? setConnectionStatus,
      onBackgroundOnly: options.onBackgroundOnly ?? setBackgroundOnly,
      onAuthRejected: options.onAuthRejected ?? (() => void authApi.me().catch(() => undefined)),
      random: options.random ?? Math.random,
      lingerMs: options.lingerMs ?? LINGER_MS,
    };
    this.registry = new SubscriptionRegistry({
      onActive: () => this.start(),
      onIdle: () => this.scheduleStop(),
      onBackgroundOnly: (only) => this.opts.onBackgroundOnly(only),
    });
    const stomp = (this.stomp = (options.createClient ?? defaultClient)());
    stomp.beforeConnect = async () => {
      const token = this.opts.getToken();
      this.tokenInUse = token;
      if (token) {
        stomp.connectHeaders = { Authorization: `Bearer ${token}` };
        return;
      }
      const pass = await this.opts.getGuestPass();
      stomp.connectHeaders = pass ? { 'x-guest': pass } : {};
    };
    stomp.onConnect = () => {
      this.attempt = 0;
      this.registry.attach(stomp);
      this.setStatus(this.online ? 'connected' : 'offline');
    };
    stomp.onStompError = (frame: IFrame) => {
      console.warn(`[realtime] server error: ${frame.headers.message ?? ''}`);
      if (this.tokenInUse) this.opts.onAuthRejected();
    };
    stomp.onWebSocketClose = () => this.onClosed();

    this.registry.add(
      ERRORS_DESTINATION,
      (body) => {
        const err = toRealtimeError(body);
        if (err) for (const l of [...this.errorListeners]) l(err);
      },
      { internal: true, replay: false },
    );
    this.cleanups.push(
      (options.subscribeSession ?? subscribeSession)(() => this.onSessionChange()),
      listen('online', () => this.onOnline()),
      listen('offline', () => this.onOffline()),
    );
  }

  /** Listen to a destination; returns the function that stops listening. */
  subscribe(destination: string, listener: TopicListener, options?: TopicOptions): () => void {
    return this.registry.add(destination, listener, options);
  }

  /** The newest value received on a destination (latest-value topics). */
  latest(destination: string): unknown {
    return this.registry.latest(destination);
  }

  /** SEND a JSON body. Returns false, sending nothing, while not connected (no queueing). */
  send(destination: string, body: unknown = {}): boolean {
    if (!this.stomp.connected) return false;
    try {
      this.stomp.publish({
        destination,
        body: JSON.stringify(body),
        headers: { 'content-type': 'application/json' },
      });
      return true;
    } catch {
      return false;
    }
  }

  /** Errors of refused SENDs (from /user/queue/errors). */
  onError(listener: RealtimeErrorListener): () => void {
    this.errorListeners.add(listener);
    return () => this.errorListeners.delete(listener);
  }

  getStatus(): ConnectionStatus {
    return this.status;
  }

  /** Stop for good (tests). */
  dispose(): void {
    this.stop();
    for (const c of this.cleanups.splice(0)) c();
  }

  private setStatus(s: ConnectionStatus): void {
    this.status = s;
    this.opts.onStatus(s);
  }

  private clearTimers(): void {
    clearTimeout(this.lingerTimer);
    clearTimeout(this.retryTimer);
    this.lingerTimer = this.retryTimer = undefined;
  }

  private start(): void {
    clearTimeout(this.lingerTimer);
    this.lingerTimer = undefined;
    if (this.wanted) return;
    this.wanted = true;
    this.attempt = 0;
    this.setStatus(this.online ? 'connecting' : 'offline');
    if (this.online) this.restart();
  }

  private scheduleStop(): void {
    clearTimeout(this.lingerTimer);
    this.lingerTimer = setTimeout(() => this.stop(), this.opts.lingerMs);
  }

  private stop(): void {
    this.clearTimers();
    this.wanted = false;
    this.generation++;
    void this.stomp.deactivate();
    this.setStatus('idle');
  }

  /** Close whatever connection there is (gracefully) and open a new one. */
  private restart(): void {
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    const gen = ++this.generation;
    void this.stomp.deactivate().then(() => {
      if (gen === this.generation && this.wanted && this.online) this.stomp.activate();
    });
  }

  private onClosed(): void {
    this.registry.detach();
    // Deactivated on purpose (stop/restart): whoever did it decides what comes next.
    if (!this.stomp.active || !this.wanted) return;
    if (!this.online) {
      this.setStatus('offline');
      return;
    }
    this.setStatus('reconnecting');
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => this.restart(), backoffDelay(this.attempt++, this.opts.random));
  }

  private onSessionChange(): void {
    if (!this.wanted || this.opts.getToken() === this.tokenInUse) return;
    this.attempt = 0;
    if (!this.online) return;
    this.setStatus('connecting');
    this.restart();
  }

  private onOffline(): void {
    this.online = false;
    clearTimeout(this.retryTimer);
    // An open socket is kept: it may survive a short outage (heart-beats close it otherwise);
    // no retry is made until the browser is online again.
    if (this.wanted) this.setStatus('offline');
  }

  private onOnline(): void {
    this.online = true;
    if (!this.wanted) return;
    if (this.stomp.connected) {
      this.setStatus('connected');
      return;
    }
    this.attempt = 0;
    this.setStatus('reconnecting');
    this.restart();
  }
}

let shared: RealtimeClient | null = null;

/** The app-wide client (created on first use). */
export function getRealtime(): RealtimeClient {
  return (shared ??= new RealtimeClient());
}
