import { useEffect, useRef, useState } from 'react';
import { courseApi } from '../../../api/courses';
import type { Lesson, ProgressAnswer } from '../../../api/courses';
import { WatchClock } from './watchClock';

export const REPORT_EVERY_MS = 10_000;
const HLS_MIME = 'application/vnd.apple.mpegurl';

interface Props {
  courseId: number;
  lesson: Lesson;
  /** where to start (the saved position) */
  startAt: number;
  /** seconds the server has credited already */
  watched: number;
  /** a guest watches without reports */
  reporting: boolean;
  onReported: (answer: ProgressAnswer) => void;
}

type Playback = 'loading' | 'ready' | 'failed';

/**
 * One lesson on demand: an MP4 in a <video>, an HLS playlist natively where the browser can (Safari, iOS) else
 * through hls.js (light build, loaded on demand), the way the live player plays streams. It starts at the saved
 * position and reports progress every ~10 s while playing and on pause, end, leaving the lesson and pagehide.
 */
export function LessonPlayer({ courseId, lesson, startAt, watched, reporting, onReported }: Props) {
  const video = useRef<HTMLVideoElement>(null);
  const [state, setState] = useState<Playback>('loading');
  const report = useRef<(final: boolean) => void>(() => undefined);
  const onReportedRef = useRef(onReported);
  onReportedRef.current = onReported;

  // the source, and the start position
  useEffect(() => {
    const el = video.current;
    if (!el) return;
    let disposed = false;
    let destroy: (() => void) | undefined;
    const seek = () => {
      if (startAt > 0 && startAt < lesson.durationSeconds - 1) el.currentTime = startAt;
      setState('ready');
    };
    setState('loading');
    const hlsJs = () =>
      import('hls.js/light')
        .then(({ default: Hls }) => {
          if (disposed) return;
          if (!Hls.isSupported()) {
            setState('failed');
            return;
          }
          const hls = new Hls({ startPosition: startAt > 0 && startAt < lesson.durationSeconds - 1 ? startAt : -1 });
          hls.on(Hls.Events.ERROR, (_event, data) => {
            if (data.fatal) setState('failed');
          });
          hls.on(Hls.Events.MANIFEST_PARSED, () => setState('ready'));
          hls.loadSource(lesson.videoUrl);
          hls.attachMedia(el);
          destroy = () => hls.destroy();
        })
        .catch(() => !disposed && setState('failed'));
    if (lesson.videoKind === 'MP4' || el.canPlayType(HLS_MIME)) {
      el.addEventListener('loadedmetadata', seek, { once: true });
      el.src = lesson.videoUrl;
    } else {
      void hlsJs();
    }
    return () => {
      disposed = true;
      el.removeEventListener('loadedmetadata', seek);
      destroy?.();
      el.removeAttribute('src');
    };
    // the start position matters only when the lesson is loaded
  }, [lesson.id, lesson.videoUrl]);

  // progress: counted from the video's own clock, reported while playing and whenever playback stops
  useEffect(() => {
    const el = video.current;
    if (!el || !reporting) return;
    const clock = new WatchClock(watched);
    let lastSent = -1;
    let lastPosition = -1;
    let timer: ReturnType<typeof setInterval> | undefined;
    const position = () => Math.min(lesson.durationSeconds, Math.max(0, Math.floor(el.currentTime || 0)));
    const send = (final: boolean) => {
      const at = el.ended ? lesson.durationSeconds : position();
      if (clock.seconds === lastSent && at === lastPosition) return;
      lastSent = clock.seconds;
      lastPosition = at;
      courseApi
        .report(courseId, lesson.id, at, clock.seconds, final)
        .then((answer) => {
          clock.atLeast(answer.lesson.watchedSeconds);
          onReportedRef.current(answer);
        })
        .catch(() => undefined); // the next report carries the running total
    };
    report.current = send;
    const onTime = () => {
      if (!el.paused && !el.seeking) clock.tick(el.currentTime);
    };
    const onPlaying = () => {
      if (!timer) timer = setInterval(() => send(false), REPORT_EVERY_MS);
      send(false);
    };
    const onStop = () => {
      clock.tick(el.currentTime);
      clock.break();
      if (timer) clearInterval(timer);
      timer = undefined;
      send(false);
    };
    const onSeeking = () => clock.break();
    const onPageHide = () => send(true);
    el.addEventListener('timeupdate', onTime);
    el.addEventListener('playing', onPlaying);
    el.addEventListener('pause', onStop);
    el.addEventListener('ended', onStop);
    el.addEventListener('seeking', onSeeking);
    window.addEventListener('pagehide', onPageHide);
    return () => {
      el.removeEventListener('timeupdate', onTime);
      el.removeEventListener('playing', onPlaying);
      el.removeEventListener('pause', onStop);
      el.removeEventListener('ended', onStop);
      el.removeEventListener('seeking', onSeeking);
      window.removeEventListener('pagehide', onPageHide);
      if (timer) clearInterval(timer);
      // leaving the lesson (another lesson, another page): its last report
      if (lastSent >= 0 || clock.seconds > watched) send(true);
    };
    // a new lesson (or login) starts a new count; `watched` is read once per lesson
  }, [lesson.id, reporting, courseId]);

  return (
    <div className="live-player course-player" data-testid="course-player">
      <video
        ref={video}
        className="live-video"
        data-testid="lesson-video"
        controls
        playsInline
        preload="metadata"
        hidden={state === 'failed'}
      />
      {state === 'failed' && (
        <p className="live-player-note" data-testid="player-fallback" role="status">
          视频暂时无法播放
          <a className="btn btn-gold btn-sm" href={lesson.videoUrl} target="_blank" rel="noopener noreferrer">
            在播放器中打开
          </a>
        </p>
      )}
    </div>
  );
}
