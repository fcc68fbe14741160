import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import type { SessionDetail } from '../../api/training';
import { fakeRealtime } from '../../test/realtime';
import { renderWithAuth } from '../../test/renderWithAuth';
import { SessionPage } from './SessionPage';
import { replay } from './replay/testData';
import { sessionDetail } from './testData';

function renderSession(detail: SessionDetail) {
  const realtime = fakeRealtime();
  const view = renderWithAuth(
    realtime.wrap(
      <Routes>
        <Route path="/training/sessions/:id" element={<SessionPage />} />
      </Routes>,
    ),
    null,
    '/training/sessions/12',
    async () => Response.json(detail),
  );
  return { ...realtime, ...view };
}

describe('SessionPage', () => {
  it('counts down before the start, turns live by its status topic and shows the viewers', async () => {
    const { fake, connect, deliver } = renderSession(sessionDetail({ materials: [{ fileId: 3, name: '讲义.pdf', contentType: 'application/pdf', sizeBytes: 20480 }] }));
    await connect();
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('政策篇：惠企政策与申报要点'));
    expect(screen.getByTestId('player-countdown').textContent).toContain('距开播');
    expect(screen.getByTestId('session-status').textContent).toBe('未开始');
    // materials are downloaded through the registration endpoint (confirmed registrants and the organiser)
    expect(screen.getByTestId('material-download').textContent).toBe('讲义.pdf');
    expect(screen.getByText('宁夏中小企业高质量发展系列培训').getAttribute('href')).toBe('/training/series/5');
    // this page is a viewer of the room: it subscribes to the room's viewers and status
    expect(fake.live('/topic/training/12/viewers')).toHaveLength(1);
    expect(fake.live('/topic/training/12/status')).toHaveLength(1);
    expect(screen.queryByTestId('viewers-badge')).toBeNull();

    deliver('/topic/training/12/status', { sessionId: 12, status: 'LIVE', startedAt: '2026-12-08T02:00:00Z', endedAt: null });
    await waitFor(() => expect(screen.getByTestId('training-session').dataset.status).toBe('LIVE'));
    expect(screen.getByTestId('viewer-count').textContent).toBe('0');
    deliver('/topic/training/12/viewers', { room: 'training:12', now: 321, peak: 3456, unique: 900, watchSeconds: 1, at: '2026-12-08T02:01:00Z' });
    await waitFor(() => expect(screen.getByTestId('viewer-count').textContent).toBe('321'));
    expect(screen.getByTestId('viewer-peak').textContent).toBe('3456');

    deliver('/topic/training/12/status', { sessionId: 12, status: 'ENDED', startedAt: '2026-12-08T02:00:00Z', endedAt: '2026-12-08T04:00:00Z' });
    await waitFor(() => expect(screen.getByText('直播已结束，感谢观看')).toBeTruthy());
    expect(screen.getByTestId('session-status').textContent).toBe('已结束');
  });

  it('plays an HLS stream while live and offers to share the session', async () => {
    const { connect } = renderSession(sessionDetail({ status: 'LIVE', streamUrl: '/demo/stream/live.m3u8', streamKind: 'HLS', viewers: { now: 5, peak: 9, unique: 12 } }));
    await connect();
    await waitFor(() => expect(screen.getByTestId('training-session').dataset.status).toBe('LIVE'));
    expect(screen.getByTestId('live-player').querySelector('video')).toBeTruthy();
    expect(screen.getByTestId('viewer-count').textContent).toBe('5');
    await act(async () => fireEvent.click(screen.getByTestId('share-button')));
    expect((screen.getByTestId('share-link') as HTMLInputElement).value).toMatch(/\/training\/sessions\/12$/);
  });

  it('plays the replay with its chapters and 回看 N 人次 once the session is available for replay', async () => {
    const realtime = fakeRealtime();
    renderWithAuth(
      realtime.wrap(
        <Routes>
          <Route path="/training/sessions/:id" element={<SessionPage />} />
        </Routes>,
      ),
      null,
      '/training/sessions/12',
      async (input) =>
        String(input) === '/api/training/sessions/12/replay'
          ? Response.json(replay())
          : Response.json(sessionDetail({ status: 'REPLAY_AVAILABLE', startedAt: '2026-12-01T02:00:00Z', endedAt: '2026-12-01T04:00:00Z' })),
    );
    await realtime.connect();
    await waitFor(() => expect(screen.getByTestId('replay-views').textContent).toBe('41'));
    expect(screen.getByTestId('session-status').textContent).toBe('可回看');
    expect(screen.getAllByTestId('replay-chapter')).toHaveLength(2);
    expect(screen.queryByTestId('live-player')).toBeNull();
  });
});
