import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const hls = vi.hoisted(() => ({ created: [] as Array<{ config: unknown; source?: string }> }));

vi.mock('hls.js/light', () => {
  class FakeHls {
    static Events = { ERROR: 'hlsError' };
    static isSupported = () => true;
    private readonly record: { config: unknown; source?: string };
    constructor(config: unknown) {
      this.record = { config };
      hls.created.push(this.record);
    }
    on() {}
    loadSource(url: string) {
      this.record.source = url;
    }
    attachMedia() {}
    destroy() {}
  }
  return { default: FakeHls };
});

import { ReplayPlayer } from './ReplayPlayer';

const CHAPTERS = [
  { title: '开场', startSeconds: 0 },
  { title: '数字化转型趋势', startSeconds: 60 },
  { title: '答疑', startSeconds: 150 },
];
const KEY = 'livehall.replay.training:12';

/** jsdom's media element does not play: give it the state of one that does. */
function playing(video: HTMLVideoElement, on: boolean) {
  Object.defineProperty(video, 'paused', { configurable: true, get: () => !on });
  Object.defineProperty(video, 'readyState', { configurable: true, get: () => 4 });
}

function renderPlayer(props: Partial<Parameters<typeof ReplayPlayer>[0]> = {}) {
  render(<ReplayPlayer src="/api/files/7" kind="MP4" chapters={CHAPTERS} resumeKey="training:12" {...props} />);
  return screen.getByTestId('replay-video') as HTMLVideoElement;
}

describe('ReplayPlayer', () => {
  let play: ReturnType<typeof vi.fn>;

  beforeEach(() => {
    localStorage.clear();
    hls.created.length = 0;
    play = vi.fn(() => Promise.resolve());
    vi.spyOn(HTMLMediaElement.prototype, 'play').mockImplementation(play as () => Promise<void>);
    vi.spyOn(HTMLMediaElement.prototype, 'load').mockImplementation(() => {});
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('plays an MP4 itself and jumps to a chapter, which then shows as the current one', () => {
    const video = renderPlayer();
    expect(video.getAttribute('src')).toBe('/api/files/7');
    const rows = screen.getAllByTestId('replay-chapter');
    expect(rows.map((r) => r.textContent)).toEqual(['0:00开场', '1:00数字化转型趋势', '2:30答疑']);
    expect(rows[0].getAttribute('aria-current')).toBe('true');

    fireEvent.click(rows[1]);
    expect(video.currentTime).toBe(60);
    expect(play).toHaveBeenCalled();
    expect(rows[1].getAttribute('aria-current')).toBe('true');
    expect(rows[0].getAttribute('aria-current')).toBeNull();

    // playing on into the next chapter moves the highlight
    video.currentTime = 151;
    fireEvent.timeUpdate(video);
    expect(screen.getAllByTestId('replay-chapter')[2].className).toContain('is-current');
  });

  it('resumes where this browser left off, keeps the position while playing and forgets it at the end', () => {
    localStorage.setItem(KEY, '95');
    const video = renderPlayer();
    fireEvent.loadedMetadata(video);
    expect(video.currentTime).toBe(95);
    expect(screen.getByTestId('replay-resumed').textContent).toContain('已从 1:35 继续播放');
    expect(screen.getAllByTestId('replay-chapter')[1].getAttribute('aria-current')).toBe('true');

    video.currentTime = 130;
    fireEvent.timeUpdate(video);
    expect(localStorage.getItem(KEY)).toBe('130');
    video.currentTime = 132;
    fireEvent.pause(video);
    expect(localStorage.getItem(KEY)).toBe('132');

    fireEvent.click(screen.getByText('从头播放'));
    expect(video.currentTime).toBe(0);
    expect(screen.queryByTestId('replay-resumed')).toBeNull();
    fireEvent.ended(video);
    expect(localStorage.getItem(KEY)).toBeNull();
  });

  it('does not resume from the first seconds', () => {
    localStorage.setItem(KEY, '3');
    const video = renderPlayer();
    fireEvent.loadedMetadata(video);
    expect(video.currentTime).toBe(0);
    expect(screen.queryByTestId('replay-resumed')).toBeNull();
  });

  it('plays at 1×, 1.25×, 1.5× or 2×, and keeps the speed when the recording loads again', () => {
    const video = renderPlayer();
    const speeds = screen.getAllByTestId('replay-speed');
    expect(speeds.map((b) => b.textContent)).toEqual(['1×', '1.25×', '1.5×', '2×']);
    expect(speeds[0].getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(speeds[2]);
    expect(video.playbackRate).toBe(1.5);
    expect(speeds[2].getAttribute('aria-pressed')).toBe('true');
    expect(speeds[0].getAttribute('aria-pressed')).toBe('false');
    video.playbackRate = 1;
    fireEvent.loadedMetadata(video);
    expect(video.playbackRate).toBe(1.5);
  });

  it('reports every 15 s of playing with one id per play, not while paused, and a new id after the end', () => {
    vi.useFakeTimers();
    const onHeartbeat = vi.fn();
    const video = renderPlayer({ onHeartbeat });
    playing(video, true);
    video.currentTime = 20;
    act(() => vi.advanceTimersByTime(14_000));
    expect(onHeartbeat).not.toHaveBeenCalled();
    act(() => vi.advanceTimersByTime(1_000));
    expect(onHeartbeat).toHaveBeenCalledTimes(1);
    const [firstPlay, position] = onHeartbeat.mock.calls[0];
    expect(firstPlay).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(position).toBe(20);

    playing(video, false);
    act(() => vi.advanceTimersByTime(60_000));
    expect(onHeartbeat).toHaveBeenCalledTimes(1);
    playing(video, true);
    act(() => vi.advanceTimersByTime(15_000));
    expect(onHeartbeat).toHaveBeenCalledTimes(2);
    expect(onHeartbeat.mock.calls[1][0]).toBe(firstPlay);

    fireEvent.ended(video);
    act(() => vi.advanceTimersByTime(15_000));
    expect(onHeartbeat).toHaveBeenCalledTimes(3);
    expect(onHeartbeat.mock.calls[2][0]).not.toBe(firstPlay);
  });

  it('plays an HLS recording through hls.js without the live low-latency mode', async () => {
    vi.spyOn(HTMLMediaElement.prototype, 'canPlayType').mockReturnValue('');
    renderPlayer({ src: '/demo/stream/replay.m3u8', kind: 'HLS', chapters: [] });
    await waitFor(() => expect(hls.created).toHaveLength(1));
    expect(hls.created[0].source).toBe('/demo/stream/replay.m3u8');
    expect(hls.created[0].config).toEqual({ lowLatencyMode: false });
    expect(screen.queryByTestId('replay-chapter')).toBeNull();
  });
});
