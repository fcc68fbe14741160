import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import type { SeriesDetail } from '../../../api/training';
import { makeUser, renderWithAuth } from '../../../test/renderWithAuth';
import { sessionCard, seriesDetail, sessionDetail } from '../../training/testData';
import { ManageSeriesPage } from './ManageSeriesPage';

const organiser = makeUser(['ORGANISER'], { id: 2 });

describe('ManageSeriesPage', () => {
  it('starts a scheduled session and ends a live one, then shows the new states; a refusal is told', async () => {
    let current: SeriesDetail = seriesDetail({
      sessions: [sessionCard(11, { title: '实务篇' }), sessionCard(12, { title: '政策篇', status: 'LIVE' })],
    });
    const posts: string[] = [];
    renderWithAuth(
      <Routes>
        <Route path="/organiser/training/series/:id" element={<ManageSeriesPage />} />
      </Routes>,
      organiser,
      '/organiser/training/series/5',
      async (input, init) => {
        const url = String(input);
        if (init?.method === 'POST') {
          posts.push(url);
          if (url.endsWith('/12/end')) {
            return Response.json({ type: 'x', title: 'Conflict', status: 409, detail: '课程已结束，不能结束直播' },
              { status: 409, headers: { 'content-type': 'application/problem+json' } });
          }
          current = { ...current, sessions: [sessionCard(11, { title: '实务篇', status: 'LIVE' }), current.sessions[1]] };
          return Response.json(sessionDetail({ id: 11, status: 'LIVE' }));
        }
        return Response.json(current);
      },
    );
    await waitFor(() => expect(screen.getAllByTestId('manage-session')).toHaveLength(2));
    const [scheduled, live] = screen.getAllByTestId('manage-session');
    expect(within(live).queryByTestId('session-start')).toBeNull();
    fireEvent.click(within(scheduled).getByTestId('session-start'));
    await waitFor(() => expect(within(screen.getAllByTestId('manage-session')[0]).getByTestId('session-end')).toBeTruthy());
    expect(posts).toEqual(['/api/organiser/training/sessions/11/start']);
    expect(screen.getByText('已开始直播')).toBeTruthy();

    fireEvent.click(within(screen.getAllByTestId('manage-session')[1]).getByTestId('session-end'));
    await waitFor(() => expect(screen.getByText('课程已结束，不能结束直播')).toBeTruthy());
    expect(screen.getByTestId('session-form')).toBeTruthy();
  });

  it('edits the series and a scheduled session in place of the new-session form', async () => {
    let current: SeriesDetail = seriesDetail({ sessions: [sessionCard(11, { title: '实务篇' })] });
    const puts: Array<{ url: string; body: unknown }> = [];
    renderWithAuth(
      <Routes>
        <Route path="/organiser/training/series/:id" element={<ManageSeriesPage />} />
      </Routes>,
      organiser,
      '/organiser/training/series/5',
      async (input, init) => {
        const url = String(input);
        if (init?.method === 'PUT') {
          const body = JSON.parse(String(init.body)) as Record<string, unknown>;
          puts.push({ url, body });
          if (url.endsWith('/series/5')) {
            current = { ...current, title: String(body.title) };
            return Response.json(current);
          }
          current = { ...current, sessions: [sessionCard(11, { title: String(body.title) })] };
          return Response.json(sessionDetail({ id: 11, title: String(body.title) }));
        }
        if (url === '/api/organiser/training/sessions/11') {
          return Response.json(sessionDetail({ id: 11, title: '实务篇', startsAt: '2099-12-10T11:30:00Z', durationMinutes: 90,
            streamUrl: 'https://cdn.example.com/a.m3u8', materials: [{ fileId: 3, name: '讲义.pdf', contentType: 'application/pdf', sizeBytes: 9 }] }));
        }
        return Response.json(current);
      },
    );
    await waitFor(() => expect(screen.getByTestId('series-edit')).toBeTruthy());
    fireEvent.click(screen.getByTestId('series-edit'));
    expect((screen.getByLabelText('系列名称') as HTMLInputElement).value).toBe('宁夏中小企业高质量发展系列培训');
    expect((screen.getByLabelText(/标签/) as HTMLInputElement).value).toBe('专精特新，政策解读');
    fireEvent.change(screen.getByLabelText('系列名称'), { target: { value: '宁夏系列（第二期）' } });
    fireEvent.click(screen.getByTestId('series-submit'));
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('宁夏系列（第二期）'));
    expect(puts[0].body).toEqual({ title: '宁夏系列（第二期）', audience: '宁夏区内中小企业负责人', tags: ['专精特新', '政策解读'], coverFileId: null });

    fireEvent.click(screen.getByTestId('session-edit'));
    await waitFor(() => expect(screen.getByTestId('session-edit-form')).toBeTruthy());
    expect(screen.queryByTestId('session-form')).toBeNull();
    expect(screen.getByTestId('material-list').textContent).toContain('讲义.pdf');
    fireEvent.change(screen.getByLabelText('课程标题'), { target: { value: '实务篇（修订）' } });
    fireEvent.click(screen.getByTestId('session-submit'));
    await waitFor(() => expect(screen.getByTestId('session-form')).toBeTruthy());
    expect(puts[1]).toEqual({
      url: '/api/organiser/training/sessions/11',
      body: { title: '实务篇（修订）', lecturer: '李静 处长', startsAt: '2099-12-10T11:30:00Z', durationMinutes: 90,
        streamUrl: 'https://cdn.example.com/a.m3u8', materialFileIds: [3] },
    });
    await waitFor(() => expect(screen.getByTestId('manage-session').textContent).toContain('实务篇（修订）'));
  });

  it('leads from an ended session to setting its replay, and from one with a replay to its figures', async () => {
    const detail = seriesDetail({
      sessions: [sessionCard(11, { title: '趋势篇', status: 'ENDED' }), sessionCard(12, { title: '政策篇', status: 'REPLAY_AVAILABLE' }),
        sessionCard(13, { title: '实务篇' })],
    });
    renderWithAuth(
      <Routes>
        <Route path="/organiser/training/series/:id" element={<ManageSeriesPage />} />
      </Routes>,
      organiser,
      '/organiser/training/series/5',
      async () => Response.json(detail),
    );
    await waitFor(() => expect(screen.getAllByTestId('manage-session')).toHaveLength(3));
    const [ended, replayable, scheduled] = screen.getAllByTestId('manage-session');
    expect(within(ended).getByTestId('session-replay').textContent).toBe('设置回看');
    expect(within(ended).getByTestId('session-replay').getAttribute('href')).toBe('/organiser/training/sessions/11/replay');
    expect(within(replayable).getByTestId('session-replay').textContent).toBe('回看与数据');
    expect(within(scheduled).queryByTestId('session-replay')).toBeNull();
  });
});
