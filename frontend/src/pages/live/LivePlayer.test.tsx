import { act, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const hls = vi.hoisted(() => ({
  created: [] as Array<{ source?: string; media?: HTMLMediaElement }>,
  supported: true,
}));

vi.mock('hls.js/light', () => {
  class FakeHls {
    static Events = { ERROR: 'hlsError' };
    static isSupported = () => hls.supported;
    private readonly record: { source?: string; media?: HTMLMediaElement } = {};
    constructor() {
      hls.created.push(this.record);
    }
    on() {}
    loadSource(url: string) {
      this.record.source = url;
    }
    attachMedia(media: HTMLMediaElement) {
      this.record.media = media;
    }
    destroy() {}
  }
  return { default: FakeHls };
});

import { LivePlayer } from './LivePlayer';

const STREAM = '/demo/stream/live.m3u8';

function renderLive() {
  return render(<LivePlayer status="LIVE" streamUrl={STREAM} streamKind="HLS" coverFileId={null} startsAt="2026-12-07T00:00:00Z" />);
}

describe('LivePlayer', () => {
  beforeEach(() => {
    hls.created.length = 0;
    hls.supported = true;
  });
  afterEach(() => vi.restoreAllMocks());

  it('plays HLS natively where the browser can, without loading hls.js', async () => {
    vi.spyOn(HTMLMediaElement.prototype, 'canPlayType').mockReturnValue('maybe');
    vi.spyOn(HTMLMediaElement.prototype, 'load').mockImplementation(() => {});
    renderLive();
    const video = screen.getByTestId('live-video') as HTMLVideoElement;
    expect(video.getAttribute('src')).toBe(STREAM);
    await act(async () => {});
    expect(hls.created).toHaveLength(0);
  });

  it('hands the stream to hls.js when the browser’s own HLS refuses it', async () => {
    vi.spyOn(HTMLMediaElement.prototype, 'canPlayType').mockReturnValue('maybe');
    vi.spyOn(HTMLMediaElement.prototype, 'load').mockImplementation(() => {});
    renderLive();
    const video = screen.getByTestId('live-video') as HTMLVideoElement;
    act(() => {
      video.dispatchEvent(new Event('error'));
    });
    await waitFor(() => expect(hls.created).toHaveLength(1));
    expect(hls.created[0].source).toBe(STREAM);
    expect(hls.created[0].media).toBe(video);
    expect(video.getAttribute('src')).toBeNull();
    expect(video.hidden).toBe(false);
    // a second error is hls.js's business now: no second instance
    act(() => {
      video.dispatchEvent(new Event('error'));
    });
    await act(async () => {});
    expect(hls.created).toHaveLength(1);
  });

  it('says so when neither the browser nor hls.js can play the stream', async () => {
    vi.spyOn(HTMLMediaElement.prototype, 'canPlayType').mockReturnValue('');
    hls.supported = false;
    renderLive();
    expect((await screen.findByTestId('player-fallback')).textContent).toContain('当前浏览器无法播放此直播流');
  });
});
