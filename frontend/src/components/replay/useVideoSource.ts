import { useEffect, useState } from 'react';
import type { RefObject } from 'react';

/** Where a <video> stands with its source. */
export type Playback = 'loading' | 'playing' | 'unsupported' | 'failed';

export type VideoKind = 'HLS' | 'MP4';

const HLS_MIME = 'application/vnd.apple.mpegurl';

/**
 * Plays `url` in the <video> of `video` (the live player and the replay player share it). MP4 is the browser's own.
 * HLS plays natively where the browser can (Safari, iOS), else through hls.js (light build) loaded on demand; when
 * the browser's own HLS refuses the stream (Chromium sometimes does at once, MEDIA_ERR_SRC_NOT_SUPPORTED, seen when
 * a page is reached by an in-app link), hls.js takes over once. `lowLatency` for live streams, not for replays.
 */
export function useVideoSource(
  video: RefObject<HTMLVideoElement | null>,
  url: string,
  kind: VideoKind,
  lowLatency: boolean,
): Playback {
  const [state, setState] = useState<Playback>('loading');

  useEffect(() => {
    const el = video.current;
    if (!el) return;
    let disposed = false;
    let destroy: (() => void) | undefined;
    const throughHlsJs = () =>
      import('hls.js/light')
        .then(({ default: Hls }) => {
          if (disposed) return;
          if (!Hls.isSupported()) {
            setState('unsupported');
            return;
          }
          const hls = new Hls({ lowLatencyMode: lowLatency });
          hls.on(Hls.Events.ERROR, (_event, data) => {
            if (data.fatal) setState('failed');
          });
          hls.loadSource(url);
          hls.attachMedia(el);
          destroy = () => hls.destroy();
          setState('playing');
        })
        .catch(() => !disposed && setState('failed'));
    const nativeFailed = () => {
      if (disposed) return;
      el.removeAttribute('src');
      el.load();
      void throughHlsJs();
    };
    const mp4Failed = () => !disposed && setState('failed');
    setState('loading');
    if (kind === 'MP4') {
      el.addEventListener('error', mp4Failed);
      el.src = url;
      setState('playing');
    } else if (el.canPlayType(HLS_MIME)) {
      el.addEventListener('error', nativeFailed, { once: true });
      el.src = url; // Safari and iOS play HLS themselves
      setState('playing');
    } else {
      void throughHlsJs();
    }
    return () => {
      disposed = true;
      el.removeEventListener('error', nativeFailed);
      el.removeEventListener('error', mp4Failed);
      destroy?.();
      el.removeAttribute('src');
    };
  }, [video, url, kind, lowLatency]);

  return state;
}
