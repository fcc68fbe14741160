import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { replayKindOf } from '../../api/trainingReplay';
import type { LikesTotal, Viewers } from '../../api/types';
import { ReplayPlayer } from '../../components/replay/ReplayPlayer';
import { Toast, useToast } from '../../components/Toast';
import { formatCount } from '../../lib/format';
import { usePageTitle } from '../../lib/usePageTitle';
import { realtimeErrorText } from '../../realtime/errors';
import { useLatest, useRealtime, useRealtimeErrors } from '../../realtime/useTopic';
import { AfterLivePanel } from './AfterLivePanel';
import { ChatPanel } from '../../components/chat/ChatPanel';
import { LikeButton } from './LikeButton';
import { LineupList } from './LineupList';
import { LiveCommerceSlot } from './LiveCommerceSlot';
import { LivePlayer } from './LivePlayer';
import { liveTopics } from './liveTopics';
import { PinnedCard } from './PinnedCard';
import { RoomActions } from './RoomActions';
import { useLiveSession } from './useLiveSession';

const NOT_SENT = '实时连接未就绪，请稍后再试';

/** /live/:id — player, viewers, pinned product, lineup, the selling slot, chat and likes. */
export function LiveRoomPage() {
  const { id = '' } = useParams();
  const rt = useRealtime();
  const topics = useMemo(() => liveTopics(id), [id]);
  const { session, error, status, pinned } = useLiveSession(id, topics);
  const title = session?.title ?? `直播间 #${id}`;
  usePageTitle(title);
  // Being subscribed to any /topic/live/{id}/... makes this connection a viewer of the room.
  const viewers = useLatest<Viewers>(topics.viewers);
  const likes = useLatest<LikesTotal>(topics.likes);
  const [toast, showToast] = useToast();
  // the ended session's replay, when the merchant set one (AfterLivePanel reads it)
  const [replay, setReplay] = useState<{ id: string; url: string } | null>(null);

  useRealtimeErrors((e) => showToast(realtimeErrorText(e)));

  const sendChat = (text: string) => {
    const ok = rt.send(topics.sendChat, { text });
    if (!ok) showToast(NOT_SENT);
    return ok;
  };
  const sendLike = (count: number) => {
    const ok = rt.send(topics.sendLike, count > 1 ? { count } : {});
    if (!ok) showToast(NOT_SENT);
    return ok;
  };
  const onAir = status === 'LIVE';
  const viewersBadge = (
    <span className="live-viewers" data-testid="viewers-badge" title="当前在线人数">
      <span className={onAir ? 'live-dot' : 'live-dot idle'} aria-hidden="true" />
      <span data-testid="viewer-count">{viewers ? viewers.now : '—'}</span>
      <span className="live-viewers-unit">人在看</span>
    </span>
  );

  return (
    <div className="live-room" data-testid="live-room" data-status={status ?? 'unknown'}>
      <div className="live-stage">
        {status === 'ENDED' && replay?.id === id && replayKindOf(replay.url) ? (
          <ReplayPlayer src={replay.url} kind={replayKindOf(replay.url)!} resumeKey={`live:${id}`} />
        ) : (
          <LivePlayer
            status={status}
            streamUrl={session?.streamUrl ?? ''}
            streamKind={session?.streamKind ?? 'OTHER'}
            coverFileId={session?.coverFileId ?? null}
            startsAt={session?.startsAt ?? ''}
            overlay={onAir ? viewersBadge : undefined}
          />
        )}
        <div className="live-info">
          <h1>{title}</h1>
          {error && (
            <p className="form-alert" role="alert" data-testid="room-error">
              {error}
            </p>
          )}
          <p className="live-stats muted small">
            {session && <span data-testid="room-merchant">{session.merchant.name} · </span>}
            {status !== 'SCHEDULED' && (
              <>
                峰值 <span data-testid="viewer-peak">{viewers ? formatCount(viewers.peak) : '—'}</span> 人
                <span aria-hidden="true"> · </span>
              </>
            )}
            <span data-testid="like-summary">{formatCount(likes?.total ?? 0)}</span> 赞
            <span aria-hidden="true"> · </span>
            <Link to="/live">全部直播</Link>
          </p>
          {session && <RoomActions session={session} status={status} />}
        </div>
      </div>
      {session && status === 'ENDED' && (
        <AfterLivePanel sessionId={session.id} onOffer={(o) => setReplay(o.replayUrl ? { id, url: o.replayUrl } : null)} />
      )}
      <PinnedCard pinned={pinned} />
      {session && status && <LiveCommerceSlot sessionId={session.id} status={status} pinned={pinned} />}
      {session && <LineupList sessionId={session.id} lineup={session.lineup} pinnedId={pinned?.productId ?? null} />}
      <ChatPanel
        topics={topics}
        onSend={sendChat}
        closed={onAir ? undefined : status === 'SCHEDULED' ? '开播后可以发言和点赞' : status ? '直播已结束，聊天已关闭' : undefined}
        aside={<LikeButton key={id} total={likes?.total} onLike={sendLike} />}
      />
      <Toast message={toast} />
    </div>
  );
}
