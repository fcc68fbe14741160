import { useEffect, useState } from 'react';
import { isApiError } from '../../api/errors';
import { liveApi } from '../../api/live';
import type { LiveSessionDetail, LiveStatus, LiveStatusEvent, PinnedProduct } from '../../api/live';
import { useLatest } from '../../realtime/useTopic';
import type { LiveTopics } from './liveTopics';

export interface LiveRoomState {
  session: LiveSessionDetail | null;
  /** Why the session could not be loaded (e.g. 404), or null. */
  error: string | null;
  /** The newest status: from /status once it spoke, else from the GET. */
  status: LiveStatus | null;
  /** The newest pinned product: from /pinned once it spoke (null = unpinned), else from the GET. */
  pinned: PinnedProduct | null;
}

/** A room's session (GET once, for late joiners) kept current by its status and pinned topics. */
export function useLiveSession(id: string, topics: LiveTopics): LiveRoomState {
  const [loaded, setLoaded] = useState<{ id: string; session: LiveSessionDetail | null; error: string | null }>();
  const statusEvent = useLatest<LiveStatusEvent>(topics.status);
  const pinnedLive = useLatest<PinnedProduct | null>(topics.pinned);

  useEffect(() => {
    const ctl = new AbortController();
    const n = Number(id);
    if (!Number.isSafeInteger(n) || n <= 0) {
      setLoaded({ id, session: null, error: '直播不存在' });
      return;
    }
    liveApi
      .get(n, ctl.signal)
      .then((session) => setLoaded({ id, session, error: null }))
      .catch((e: unknown) => {
        if (ctl.signal.aborted) return;
        setLoaded({ id, session: null, error: isApiError(e) ? (e.status === 404 ? '直播不存在' : e.detail) : '加载失败' });
      });
    return () => ctl.abort();
  }, [id]);

  const session = loaded?.id === id ? loaded.session : null;
  const status = statusEvent?.status ?? session?.status ?? null;
  const pinned = status !== 'LIVE' ? null : pinnedLive !== undefined ? pinnedLive : (session?.pinned ?? null);
  return { session, error: loaded?.id === id ? loaded.error : null, status, pinned };
}
