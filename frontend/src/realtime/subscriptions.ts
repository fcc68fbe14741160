// The registry of topics the app listens to. It outlives STOMP connections: on every (re)connect
// each destination is subscribed again, event topics with `x-replay-since: <last x-stream-id>`
// so nothing is missed, and messages already seen are dropped by stream id.
// One STOMP subscription per destination however many listeners; the last parsed value is kept
// (latest-value topics send their current value only when subscribed).
import type { IMessage, StompHeaders, StompSubscription } from '@stomp/stompjs';
import { isNewer, isReplayFrom, isStreamId } from './streamId';

export const REPLAY_HEADER = 'x-replay-since';
export const REPLAY_LAST_HEADER = 'x-replay-last';
export const STREAM_ID_HEADER = 'x-stream-id';

export interface MessageMeta {
  destination: string;
  /** `x-stream-id` of event-topic messages. */
  streamId?: string;
  headers: StompHeaders;
}

export type TopicListener = (body: unknown, meta: MessageMeta) => void;

export interface TopicOptions {
  /**
   * Event topics: replay from this stream id on the first subscription ("0" = the whole buffer,
   * up to 1,000 messages). Later (re)subscriptions resume after the last message received.
   */
  replaySince?: string;
  /**
   * Event topics: on the first subscription only the newest this many messages (1–1,000) instead; later
   * (re)subscriptions resume after the last message received, as with replaySince.
   */
  replayLast?: number;
  /** Resume event topics with x-replay-since on reconnect (default true). */
  replay?: boolean;
  /** Internal subscriptions (e.g. /user/queue/errors) do not keep the connection open. */
  internal?: boolean;
  /**
   * Background subscriptions (e.g. the header's notifications) keep the connection open but are not the page's live
   * data: while only they are active the connection badge stays hidden (RegistryHooks.onBackgroundOnly).
   */
  background?: boolean;
}

/** The part of @stomp/stompjs' Client the registry needs. */
export interface Subscriber {
  subscribe(destination: string, callback: (m: IMessage) => void, headers?: StompHeaders): StompSubscription;
}

interface Entry {
  destination: string;
  listeners: Set<TopicListener>;
  options: TopicOptions;
  stomp: StompSubscription | null;
  lastStreamId: string | null;
  latest: unknown;
  /** eventIds already delivered (messages the server sends at least once, e.g. notifications); newest last */
  seenEvents: number[];
}

/** How many eventIds a destination remembers to drop repeats of messages delivered at least once. */
export const SEEN_EVENTS = 200;

export interface RegistryHooks {
  /** The first non-internal destination was added. */
  onActive?: () => void;
  /** The last non-internal destination was removed. */
  onIdle?: () => void;
  /** Whether only background destinations keep the connection wanted now (called when that changes). */
  onBackgroundOnly?: (only: boolean) => void;
}

export class SubscriptionRegistry {
  private readonly entries = new Map<string, Entry>();
  private client: Subscriber | null = null;
  private backgroundOnly = false;

  constructor(private readonly hooks: RegistryHooks = {}) {}

  /** Listen to `destination`; returns the function that stops listening. */
  add(destination: string, listener: TopicListener, options: TopicOptions = {}): () => void {
    let entry = this.entries.get(destination);
    if (!entry) {
      const wasActive = this.activeCount() > 0;
      entry = {
        destination,
        listeners: new Set(),
        options,
        stomp: null,
        lastStreamId: null,
        latest: undefined,
        seenEvents: [],
      };
      this.entries.set(destination, entry);
      if (this.client) this.subscribeEntry(entry);
      if (!wasActive && !options.internal) this.hooks.onActive?.();
      this.checkBackgroundOnly();
    }
    const e = entry;
    // Wrap so that adding the same function twice still needs two removals.
    const own: TopicListener = (body, meta) => listener(body, meta);
    e.listeners.add(own);
    return () => this.remove(e, own);
  }

  /** Newest parsed value received on `destination` (undefined before any). */
  latest(destination: string): unknown {
    return this.entries.get(destination)?.latest;
  }

  /** `x-stream-id` of the last message received on `destination`. */
  lastStreamId(destination: string): string | null {
    return this.entries.get(destination)?.lastStreamId ?? null;
  }

  /** True while the connection is wanted by background destinations only. */
  isBackgroundOnly(): boolean {
    return this.backgroundOnly;
  }

  private checkBackgroundOnly(): void {
    let active = 0;
    let foreground = 0;
    for (const e of this.entries.values()) {
      if (e.options.internal) continue;
      active++;
      if (!e.options.background) foreground++;
    }
    const only = active > 0 && foreground === 0;
    if (only === this.backgroundOnly) return;
    this.backgroundOnly = only;
    this.hooks.onBackgroundOnly?.(only);
  }

  /** Destinations that keep the connection wanted (non-internal). */
  activeCount(): number {
    let n = 0;
    for (const e of this.entries.values()) if (!e.options.internal) n++;
    return n;
  }

  destinations(): string[] {
    return [...this.entries.keys()];
  }

  /** A connection is up: subscribe every destination on it. */
  attach(client: Subscriber): void {
    this.client = client;
    for (const e of this.entries.values()) this.subscribeEntry(e);
  }

  /** The connection is gone: its subscriptions died with it. */
  detach(): void {
    this.client = null;
    for (const e of this.entries.values()) e.stomp = null;
  }

  private remove(e: Entry, listener: TopicListener): void {
    if (!e.listeners.delete(listener) || e.listeners.size > 0) return;
    if (this.entries.get(e.destination) !== e) return;
    this.entries.delete(e.destination);
    if (e.stomp) {
      try {
        e.stomp.unsubscribe();
      } catch {
        // The connection dropped in between: nothing to unsubscribe from.
      }
      e.stomp = null;
    }
    if (!e.options.internal && this.activeCount() === 0) this.hooks.onIdle?.();
    this.checkBackgroundOnly();
  }

  private subscribeEntry(e: Entry): void {
    if (!this.client) return;
    const headers: StompHeaders = {};
    const since = e.lastStreamId ?? e.options.replaySince;
    if (e.options.replay !== false && isReplayFrom(since)) headers[REPLAY_HEADER] = since;
    else if (e.lastStreamId === null && e.options.replayLast !== undefined) {
      headers[REPLAY_LAST_HEADER] = String(e.options.replayLast);
    }
    try {
      e.stomp = this.client.subscribe(e.destination, (m) => this.deliver(e, m), headers);
    } catch {
      // Not connected after all: the next attach() subscribes it.
      e.stomp = null;
    }
  }

  private deliver(e: Entry, m: IMessage): void {
    if (this.entries.get(e.destination) !== e) return;
    const streamId = m.headers[STREAM_ID_HEADER];
    if (streamId !== undefined) {
      if (!isNewer(streamId, e.lastStreamId)) return;
      if (isStreamId(streamId)) e.lastStreamId = streamId;
    }
    let body: unknown;
    try {
      body = m.body ? JSON.parse(m.body) : null;
    } catch {
      console.warn(`[realtime] ignoring a non-JSON message on ${e.destination}`);
      return;
    }
    const eventId = body && typeof body === 'object' ? (body as { eventId?: unknown }).eventId : undefined;
    if (typeof eventId === 'number') {
      if (e.seenEvents.includes(eventId)) return; // a repeat of a message sent at least once
      e.seenEvents.push(eventId);
      if (e.seenEvents.length > SEEN_EVENTS) e.seenEvents.shift();
    }
    e.latest = body;
    const meta: MessageMeta = { destination: e.destination, streamId, headers: m.headers };
    for (const l of [...e.listeners]) {
      try {
        l(body, meta);
      } catch (err) {
        console.error(`[realtime] listener of ${e.destination} failed`, err);
      }
    }
  }
}
