import { useMemo } from 'react';
import { Link, useParams } from 'react-router-dom';
import type { LikesTotal, Viewers } from '../../api/types';
import { Toast, useToast } from '../../components/Toast';
import { formatCount } from '../../lib/format';
import { usePageTitle } from '../../lib/usePageTitle';
import { realtimeErrorText } from '../../realtime/errors';
import { useLatest, useRealtime, useRealtimeErrors } from '../../realtime/useTopic';
import { ChatPanel } from './ChatPanel';
import { LikeButton } from './LikeButton';
import { liveTopics } from './liveTopics';

const NOT_SENT = '实时连接未就绪，请稍后再试';

/** /live/:id — player (placeholder until the stream URL arrives), viewers, likes and chat. */
export function LiveRoomPage() {
  const { id = '' } = useParams();
  const title = `直播间 #${id}`;
  usePageTitle(title);
  const rt = useRealtime();
  const topics = useMemo(() => liveTopics(id), [id]);
  // Being subscribed to any /topic/live/{id}/... makes this connection a viewer of the room.
  const viewers = useLatest<Viewers>(topics.viewers);
  const likes = useLatest<LikesTotal>(topics.likes);
  const [toast, showToast] = useToast();

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

  return (
    <div className="live-room" data-testid="live-room">
      <div className="live-stage">
        <div className="live-player" data-testid="live-player" role="img" aria-label="直播画面">
          <span className="live-player-label" aria-hidden="true">
            直播画面
          </span>
          <span className="live-viewers" data-testid="viewers-badge" title="当前在线人数">
            <span className="live-dot" aria-hidden="true" />
            <span data-testid="viewer-count">{viewers ? viewers.now : '—'}</span>
            <span className="live-viewers-unit">人在看</span>
          </span>
        </div>
        <div className="live-info">
          <h1>{title}</h1>
          <p className="live-stats muted small">
            峰值 <span data-testid="viewer-peak">{viewers ? formatCount(viewers.peak) : '—'}</span> 人
            <span aria-hidden="true"> · </span>
            <span data-testid="like-summary">{formatCount(likes?.total ?? 0)}</span> 赞
            <span aria-hidden="true"> · </span>
            <Link to="/live">全部直播</Link>
          </p>
        </div>
      </div>
      <ChatPanel
        topics={topics}
        onSend={sendChat}
        aside={<LikeButton key={id} total={likes?.total} onLike={sendLike} />}
      />
      <Toast message={toast} />
    </div>
  );
}
