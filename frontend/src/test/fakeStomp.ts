// A stand-in for @stomp/stompjs' Client at its boundary: the test plays the server
// (accept the CONNECT, deliver MESSAGEs, drop the socket) and inspects what the app sent.
import type { Client, IFrame, IMessage, IPublishParams, StompHeaders, StompSubscription } from '@stomp/stompjs';
import type { StompLike } from '../realtime/stompClient';

export interface FakeSubscription {
  id: string;
  destination: string;
  headers: StompHeaders;
  live: boolean;
  callback: (m: IMessage) => void;
}

const frame = (command: string, headers: StompHeaders = {}, body = ''): IFrame =>
  ({ command, headers, body, isBinaryBody: false, binaryBody: new Uint8Array() }) as unknown as IFrame;

export class FakeStomp implements StompLike {
  connectHeaders: StompHeaders = {};
  beforeConnect: (client: Client) => void | Promise<void> = () => undefined;
  onConnect: (frame: IFrame) => void = () => undefined;
  onStompError: (frame: IFrame) => void = () => undefined;
  onWebSocketClose: (evt: unknown) => void = () => undefined;

  connected = false;
  active = false;
  /** A socket is open or opening. */
  socket = false;
  activations = 0;
  /** connectHeaders of each connection attempt. */
  attempts: StompHeaders[] = [];
  subscriptions: FakeSubscription[] = [];
  published: Array<{ destination: string; body: unknown; headers: StompHeaders }> = [];
  private counter = 0;

  activate(): void {
    if (this.active) return;
    this.active = true;
    this.activations++;
    void Promise.resolve(this.beforeConnect(this as unknown as Client)).then(() => {
      if (!this.active) return;
      this.socket = true;
      this.attempts.push({ ...this.connectHeaders });
    });
  }

  async deactivate(): Promise<void> {
    this.active = false;
    if (this.socket) this.closeSocket();
  }

  /** The server answers CONNECTED. */
  accept(): void {
    if (!this.socket) throw new Error('no socket to accept');
    this.connected = true;
    this.onConnect(frame('CONNECTED', { version: '1.2' }));
  }

  /** The socket dies (server gone, network lost) or a connect attempt fails. */
  drop(): void {
    if (!this.socket) throw new Error('no socket to drop');
    this.closeSocket();
  }

  /** The server sends ERROR and closes. */
  error(message: string): void {
    this.onStompError(frame('ERROR', { message }));
    this.closeSocket();
  }

  subscribe(destination: string, callback: (m: IMessage) => void, headers: StompHeaders = {}): StompSubscription {
    if (!this.connected) throw new TypeError('There is no underlying STOMP connection');
    const sub: FakeSubscription = { id: `sub-${this.counter++}`, destination, headers: { ...headers }, live: true, callback };
    this.subscriptions.push(sub);
    return { id: sub.id, unsubscribe: () => void (sub.live = false) };
  }

  publish(params: IPublishParams): void {
    if (!this.connected) throw new TypeError('There is no underlying STOMP connection');
    const body = typeof params.body === 'string' && params.body ? JSON.parse(params.body) : params.body;
    this.published.push({ destination: params.destination, body, headers: { ...params.headers } });
  }

  /** Live subscriptions to `destination`. */
  live(destination: string): FakeSubscription[] {
    return this.subscriptions.filter((s) => s.live && s.destination === destination);
  }

  /** MESSAGE to every live subscription of `destination`; returns how many got it. */
  deliver(destination: string, body: unknown, headers: StompHeaders = {}): number {
    const subs = this.live(destination);
    for (const s of subs) {
      const h = { destination, subscription: s.id, 'message-id': `m-${this.counter++}`, 'content-type': 'application/json', ...headers };
      s.callback({ ...frame('MESSAGE', h, JSON.stringify(body)), ack: () => undefined, nack: () => undefined } as IMessage);
    }
    return subs.length;
  }

  private closeSocket(): void {
    this.socket = false;
    this.connected = false;
    for (const s of this.subscriptions) s.live = false;
    this.onWebSocketClose({ code: 1006 });
  }
}
