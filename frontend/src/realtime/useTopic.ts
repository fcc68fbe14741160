// React bindings for the realtime client.
//   useTopic(dest, onMessage)     every message (event topics: chat, notifications)
//   useTopicList(dest, options)   event topic accumulated into a capped list (newest last)
//   useLatest(dest)               the newest value (latest-value topics: viewers, likes)
//   useRealtimeErrors(onError)    refused SENDs from /user/queue/errors
// A null destination subscribes to nothing. Tests swap the client with <RealtimeContext.Provider>.
import { createContext, useCallback, useContext, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { RealtimeErrorListener } from './errors';
import { getRealtime } from './stompClient';
import type { RealtimeClient } from './stompClient';
import type { MessageMeta } from './subscriptions';

export const RealtimeContext = createContext<RealtimeClient | null>(null);

export function useRealtime(): RealtimeClient {
  return useContext(RealtimeContext) ?? getRealtime();
}

/** Keeps the newest callback without re-subscribing when it changes. */
function useLatestRef<F>(fn: F) {
  const ref = useRef(fn);
  useEffect(() => {
    ref.current = fn;
  });
  return ref;
}

export interface UseTopicOptions {
  /** Event topics: replay from this stream id when first subscribed ("0" = the whole buffer). */
  replaySince?: string;
  /** Event topics: only the newest this many messages when first subscribed. */
  replayLast?: number;
  /** Keeps the connection open without counting as the page's live data (the connection badge stays hidden). */
  background?: boolean;
}

export function useTopic<T>(
  destination: string | null,
  onMessage: (message: T, meta: MessageMeta) => void,
  options: UseTopicOptions = {},
): void {
  const rt = useRealtime();
  const cb = useLatestRef(onMessage);
  const { replaySince, replayLast, background } = options;
  useEffect(() => {
    if (!destination) return;
    return rt.subscribe(destination, (body, meta) => cb.current(body as T, meta), { replaySince, replayLast, background });
  }, [rt, destination, replaySince, replayLast, background, cb]);
}

export interface UseTopicListOptions<T> extends UseTopicOptions {
  /** Keep at most this many items (the oldest go first). Default 200. */
  limit?: number;
  /** Identity of an item, to drop repeats (e.g. the message id); items without one are kept. */
  key?: (item: T) => string | null | undefined;
  /** Turn a payload into an item (e.g. fill a missing id from meta.streamId); null skips it. */
  prepare?: (body: unknown, meta: MessageMeta) => T | null;
  /** A payload that retracts an item (e.g. a hidden chat line): answers the key to remove, else null. */
  remove?: (body: unknown) => string | null;
}

/** An event topic as a list, newest last, capped; starts empty again when the destination changes. */
export function useTopicList<T>(destination: string | null, options: UseTopicListOptions<T> = {}): T[] {
  const { limit = 200, replaySince, replayLast } = options;
  const [state, setState] = useState<{ destination: string | null; items: T[] }>({ destination, items: [] });
  const opts = useLatestRef(options);
  useTopic<unknown>(
    destination,
    (body, meta) => {
      const { key, prepare, remove } = opts.current;
      const gone = remove?.(body);
      if (gone && key) {
        setState((s) => (s.destination === destination ? { destination, items: s.items.filter((i) => key(i) !== gone) } : s));
        return;
      }
      const item = prepare ? prepare(body, meta) : (body as T);
      if (item === null) return;
      const k = key?.(item);
      setState((s) => {
        const items = s.destination === destination ? s.items : [];
        if (k && key && items.some((i) => key(i) === k)) return s;
        const next = items.length >= limit ? items.slice(items.length - limit + 1) : items.slice();
        next.push(item);
        return { destination, items: next };
      });
    },
    { replaySince, replayLast },
  );
  return state.destination === destination ? state.items : [];
}

/** The newest value of a latest-value topic (undefined until the first one arrives). */
export function useLatest<T>(destination: string | null): T | undefined {
  const rt = useRealtime();
  const subscribe = useCallback(
    (notify: () => void) => (destination ? rt.subscribe(destination, notify) : () => undefined),
    [rt, destination],
  );
  const snapshot = () => (destination ? (rt.latest(destination) as T | undefined) : undefined);
  return useSyncExternalStore(subscribe, snapshot, snapshot);
}

/** Calls `onError` for each refused SEND while the component is mounted. */
export function useRealtimeErrors(onError: RealtimeErrorListener): void {
  const rt = useRealtime();
  const cb = useLatestRef(onError);
  useEffect(() => rt.onError((e) => cb.current(e)), [rt, cb]);
}
