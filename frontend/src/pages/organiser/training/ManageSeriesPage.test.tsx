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
});
