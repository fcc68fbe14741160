import { useRef } from 'react';
import type { ReactNode } from 'react';
import type { LiveStatus, StreamKind } from '../../api/live';
import { fileUrl } from '../../api/live';
import { useVideoSource } from '../../components/replay/useVideoSource';
import { formatDateTime } from '../../lib/format';
import { formatCountdown, msUntil, useNow } from './countdown';

interface Props {
  status: LiveStatus | null;
  streamUrl: string;
  streamKind: StreamKind;
  coverFileId: number | null;
  startsAt: string;
  /** Shown over the picture (the viewers badge). */
  overlay?: ReactNode;
}

const KIND_LABELS: Record<StreamKind, string> = { HLS: 'HLS', FLV: 'FLV', WEBRTC: 'WebRTC', OTHER: '外部' };

/**
 * The stream of an external source (the platform embeds, it does not transcode). HLS plays in a
 * <video> (`useVideoSource`: natively where the browser can, else through hls.js); FLV,
 * WebRTC and other sources are offered as a link. Before and after the live part it shows the cover.
 */
export function LivePlayer({ status, streamUrl, streamKind, coverFileId, startsAt, overlay }: Props) {
  const poster = coverFileId ? fileUrl(coverFileId) : undefined;
  return (
    <div className="live-player" data-testid="live-player" style={poster ? { backgroundImage: `url(${poster})` } : undefined}>
      {status === 'LIVE' && streamKind === 'HLS' ? (
        <HlsVideo url={streamUrl} poster={poster} />
      ) : (
        <div className="live-player-screen" role="img" aria-label="直播画面">
          {status === 'LIVE' && <ExternalStream url={streamUrl} kind={streamKind} />}
          {status === 'SCHEDULED' && <StartsIn startsAt={startsAt} />}
          {status === 'ENDED' && <p className="live-player-note">直播已结束，感谢观看</p>}
          {status === 'CANCELLED' && <p className="live-player-note">本场直播已取消</p>}
          {status === null && <span className="live-player-label">直播画面</span>}
        </div>
      )}
      {overlay}
    </div>
  );
}

function StartsIn({ startsAt }: { startsAt: string }) {
  const now = useNow();
  const left = msUntil(startsAt, now);
  return (
    <p className="live-player-note" data-testid="player-countdown">
      {left > 0 ? (
        <>
          距开播 <strong className="countdown">{formatCountdown(left)}</strong>
        </>
      ) : (
        '主播马上就来，请稍候'
      )}
      <span className="live-player-sub">{formatDateTime(startsAt)} 开播</span>
    </p>
  );
}

function ExternalStream({ url, kind }: { url: string; kind: StreamKind }) {
  return (
    <p className="live-player-note" data-testid="player-external">
      本场为 {KIND_LABELS[kind]} 直播流，页面内暂不支持播放
      <a className="btn btn-gold btn-sm" href={url} target="_blank" rel="noopener noreferrer">
        在播放器中打开
      </a>
    </p>
  );
}

function HlsVideo({ url, poster }: { url: string; poster?: string }) {
  const video = useRef<HTMLVideoElement>(null);
  const state = useVideoSource(video, url, 'HLS', true);

  return (
    <>
      <video
        ref={video}
        className="live-video"
        data-testid="live-video"
        poster={poster}
        controls
        autoPlay
        muted
        playsInline
        hidden={state === 'unsupported' || state === 'failed'}
      />
      {(state === 'unsupported' || state === 'failed') && (
        <p className="live-player-note" data-testid="player-fallback" role="status">
          {state === 'unsupported' ? '当前浏览器无法播放此直播流' : '直播流暂时无法播放'}
          <a className="btn btn-gold btn-sm" href={url} target="_blank" rel="noopener noreferrer">
            在播放器中打开
          </a>
        </p>
      )}
    </>
  );
}
