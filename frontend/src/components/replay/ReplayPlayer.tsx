import { useEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { formatOffset, newViewId } from './offsets';
import { useVideoSource } from './useVideoSource';
import type { VideoKind } from './useVideoSource';

export interface Chapter {
  title: string;
  startSeconds: number;
}

interface Props {
  src: string;
  kind: VideoKind;
  /** in order of their starts; none for a replay without chapters */
  chapters?: Chapter[];
  /** where this replay's last position is kept in localStorage, e.g. "training:12" */
  resumeKey: string;
  poster?: string;
  /** every `heartbeatSeconds` of playing: the id of this play and where it is */
  onHeartbeat?: (viewId: string, positionSeconds: number) => void;
  heartbeatSeconds?: number;
  /** under the speed buttons (the replay figures) */
  footer?: ReactNode;
}

export const SPEEDS = [1, 1.25, 1.5, 2] as const;
const STORAGE_PREFIX = 'livehall.replay.';
/** no resuming from the first or last seconds: that is starting over */
const RESUME_MARGIN = 5;

function loadPosition(key: string): number | null {
  try {
    const n = Number(localStorage.getItem(STORAGE_PREFIX + key));
    return Number.isFinite(n) && n > RESUME_MARGIN ? n : null;
  } catch {
    return null;
  }
}

function savePosition(key: string, seconds: number | null) {
  try {
    if (seconds === null) localStorage.removeItem(STORAGE_PREFIX + key);
    else localStorage.setItem(STORAGE_PREFIX + key, String(Math.floor(seconds)));
  } catch {
    /* storage disabled: no resume, nothing else lost */
  }
}

/** The chapter playing at `time`: the last that started at or before it (-1 before the first). */
export function chapterAt(chapters: Chapter[], time: number): number {
  let at = -1;
  chapters.forEach((c, i) => {
    if (c.startSeconds <= time) at = i;
  });
  return at;
}

/**
 * A recording (HLS VOD or MP4) in a <video>, shared by training replays and ended showcase rooms: chapters that seek
 * (the one playing highlighted), playback speed 1×–2×, and resuming where this browser left off (kept in
 * localStorage). While it plays, it reports every `heartbeatSeconds` of playing time (not of wall time while paused)
 * with an id made for this play, a new one after the recording ended.
 */
export function ReplayPlayer({ src, kind, chapters = [], resumeKey, poster, onHeartbeat, heartbeatSeconds = 15, footer }: Props) {
  const video = useRef<HTMLVideoElement>(null);
  const state = useVideoSource(video, src, kind, false);
  const [time, setTime] = useState(0);
  const [rate, setRate] = useState<number>(1);
  const [resumedFrom, setResumedFrom] = useState<number | null>(null);
  const rateRef = useRef(rate);
  rateRef.current = rate;
  const heartbeat = useRef(onHeartbeat);
  heartbeat.current = onHeartbeat;

  // resume, keep the position, keep the speed across source loads
  useEffect(() => {
    const el = video.current;
    if (!el) return;
    let lastSaved = 0;
    const onMetadata = () => {
      el.playbackRate = rateRef.current;
      const saved = loadPosition(resumeKey);
      const duration = Number.isFinite(el.duration) ? el.duration : Infinity;
      if (saved !== null && saved < duration - RESUME_MARGIN && el.currentTime < 1) {
        el.currentTime = saved;
        setTime(saved);
        setResumedFrom(saved);
      }
    };
    const onTime = () => {
      setTime(el.currentTime);
      if (Math.abs(el.currentTime - lastSaved) >= 5) {
        lastSaved = el.currentTime;
        savePosition(resumeKey, el.currentTime);
      }
    };
    const onPause = () => savePosition(resumeKey, el.currentTime);
    const onEnded = () => savePosition(resumeKey, null);
    el.addEventListener('loadedmetadata', onMetadata);
    el.addEventListener('timeupdate', onTime);
    el.addEventListener('pause', onPause);
    el.addEventListener('ended', onEnded);
    return () => {
      el.removeEventListener('loadedmetadata', onMetadata);
      el.removeEventListener('timeupdate', onTime);
      el.removeEventListener('pause', onPause);
      el.removeEventListener('ended', onEnded);
    };
  }, [resumeKey, src]);

  // heartbeats: count seconds of playing; a play's id lives until the recording ends
  useEffect(() => {
    const el = video.current;
    if (!el) return;
    let viewId = newViewId();
    let played = 0;
    const onEnded = () => {
      viewId = newViewId();
      played = 0;
    };
    el.addEventListener('ended', onEnded);
    const timer = window.setInterval(() => {
      // paused, ended or stalled (waiting for data) is not watching
      if (el.paused || el.ended || el.readyState < 3) return;
      played += 1;
      if (played >= heartbeatSeconds) {
        played = 0;
        heartbeat.current?.(viewId, el.currentTime);
      }
    }, 1000);
    return () => {
      window.clearInterval(timer);
      el.removeEventListener('ended', onEnded);
    };
  }, [heartbeatSeconds, src]);

  const seek = (seconds: number) => {
    const el = video.current;
    if (!el) return;
    el.currentTime = seconds;
    setTime(seconds);
    setResumedFrom(null);
    void el.play()?.catch(() => undefined);
  };

  const changeRate = (r: number) => {
    setRate(r);
    if (video.current) video.current.playbackRate = r;
  };

  const current = chapterAt(chapters, time);
  const broken = state === 'unsupported' || state === 'failed';

  return (
    <div className="replay-player" data-testid="replay-player">
      <div className="live-player replay-screen">
        <video
          ref={video}
          className="live-video"
          data-testid="replay-video"
          poster={poster}
          controls
          playsInline
          preload="metadata"
          hidden={broken}
        />
        {broken && (
          <p className="live-player-note" data-testid="replay-fallback" role="status">
            {state === 'unsupported' ? '当前浏览器无法播放此回放' : '回放暂时无法播放'}
            <a className="btn btn-gold btn-sm" href={src} target="_blank" rel="noopener noreferrer">
              在播放器中打开
            </a>
          </p>
        )}
      </div>
      <div className="replay-bar">
        <div className="replay-speeds" role="group" aria-label="播放速度">
          {SPEEDS.map((r) => (
            <button
              key={r}
              type="button"
              className={`btn btn-sm ${rate === r ? 'btn-primary' : 'btn-ghost'}`}
              aria-pressed={rate === r}
              onClick={() => changeRate(r)}
              data-testid="replay-speed"
            >
              {r}×
            </button>
          ))}
        </div>
        {resumedFrom !== null && (
          <p className="replay-resumed small muted" data-testid="replay-resumed" role="status">
            已从 {formatOffset(resumedFrom)} 继续播放
            <button type="button" className="btn btn-ghost btn-sm" onClick={() => seek(0)}>
              从头播放
            </button>
          </p>
        )}
        {footer}
      </div>
      {chapters.length > 0 && (
        <nav className="replay-chapters" aria-label="章节">
          <h2>章节</h2>
          <ol>
            {chapters.map((c, i) => (
              <li key={`${c.startSeconds}-${i}`}>
                <button
                  type="button"
                  className={`replay-chapter${i === current ? ' is-current' : ''}`}
                  aria-current={i === current ? 'true' : undefined}
                  onClick={() => seek(c.startSeconds)}
                  data-testid="replay-chapter"
                >
                  <span className="replay-chapter-at">{formatOffset(c.startSeconds)}</span>
                  <span className="replay-chapter-title">{c.title}</span>
                </button>
              </li>
            ))}
          </ol>
        </nav>
      )}
    </div>
  );
}
