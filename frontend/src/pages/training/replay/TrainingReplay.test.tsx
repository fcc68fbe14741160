import { act, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { GUEST_KEY } from '../../../realtime/guestPass';
import { makeUser, renderWithAuth } from '../../../test/renderWithAuth';
import { replay } from './testData';
import { TrainingReplay } from './TrainingReplay';

vi.mock('hls.js/light', () => ({
  default: class {
    static Events = { ERROR: 'hlsError' };
    static isSupported = () => true;
    on() {}
    loadSource() {}
    attachMedia() {}
    destroy() {}
  },
}));

type Call = { url: string; headers: Record<string, string>; body: unknown };

function serve(calls: Call[], views = 42) {
  return async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    calls.push({ url, headers: (init?.headers ?? {}) as Record<string, string>, body: init?.body ? JSON.parse(String(init.body)) : null });
    if (url === '/api/training/sessions/12/replay') return Response.json(replay());
    if (url === '/api/training/sessions/12/replay/heartbeat') {
      return Response.json({ counted: true, figures: { views, uniqueViewers: 31, watchSeconds: 7_395 } });
    }
    if (url === '/api/auth/guest') return Response.json({ guestId: 'guest-x', pass: 'guest-pass' });
    return new Response(null, { status: 404 });
  };
}

function startPlaying() {
  const video = screen.getByTestId('replay-video') as HTMLVideoElement;
  Object.defineProperty(video, 'paused', { configurable: true, get: () => false });
  Object.defineProperty(video, 'readyState', { configurable: true, get: () => 4 });
  return video;
}

describe('TrainingReplay', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('plays the replay with its chapters and shows 回看 N 人次, which each counted heartbeat refreshes', async () => {
    const calls: Call[] = [];
    localStorage.setItem(GUEST_KEY, JSON.stringify({ guestId: 'guest-x', pass: 'kept-pass' }));
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] }); // the player's timer starts with it
    renderWithAuth(<TrainingReplay sessionId={12} coverFileId={null} />, null, '/', serve(calls));
    await waitFor(() => expect(screen.getByTestId('replay-views').textContent).toBe('41'));
    expect(screen.getAllByTestId('replay-chapter')).toHaveLength(2);

    startPlaying();
    await act(async () => {
      vi.advanceTimersByTime(15_000);
    });
    await waitFor(() => expect(screen.getByTestId('replay-views').textContent).toBe('42'));
    const beat = calls.find((c) => c.url.endsWith('/heartbeat'))!;
    expect(beat.headers['X-Guest']).toBe('kept-pass');
    expect(beat.body).toEqual({ viewId: expect.stringMatching(/^[0-9a-f-]{36}$/), positionSeconds: 0 });
  });

  it('sends a logged-in viewer’s heartbeats with the token, not a guest pass', async () => {
    const calls: Call[] = [];
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    renderWithAuth(<TrainingReplay sessionId={12} coverFileId={null} />, makeUser(['VIEWER']), '/', serve(calls));
    await waitFor(() => expect(screen.getByTestId('replay-views')).toBeTruthy());
    startPlaying();
    await act(async () => {
      vi.advanceTimersByTime(15_000);
    });
    await waitFor(() => expect(calls.some((c) => c.url.endsWith('/heartbeat'))).toBe(true));
    const beat = calls.find((c) => c.url.endsWith('/heartbeat'))!;
    expect(beat.headers.Authorization).toBe('Bearer test-token');
    expect(beat.headers['X-Guest']).toBeUndefined();
  });

  it('says the replay is being prepared while there is none', async () => {
    renderWithAuth(<TrainingReplay sessionId={12} coverFileId={null} />, null, '/', async () =>
      Response.json({ status: 404, detail: '回看不存在' }, { status: 404 }),
    );
    await waitFor(() => expect(screen.getByTestId('replay-pending').textContent).toBe('回看正在准备中'));
  });
});
