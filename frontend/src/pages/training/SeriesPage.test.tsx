import { screen, waitFor } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { renderWithAuth } from '../../test/renderWithAuth';
import { SeriesPage } from './SeriesPage';
import { seriesDetail } from './testData';

const routes = (
  <Routes>
    <Route path="/training/series/:id" element={<SeriesPage />} />
  </Routes>
);

describe('SeriesPage', () => {
  it('shows the series, its tags and its sessions with their status', async () => {
    renderWithAuth(routes, null, '/training/series/5', async () => Response.json(seriesDetail({ coverFileId: 9 })));
    await waitFor(() => expect(screen.getAllByTestId('series-session')).toHaveLength(2));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('宁夏中小企业高质量发展系列培训');
    expect(screen.getByText('政策解读')).toBeTruthy();
    expect(screen.getByTestId('series-page').querySelector('img.training-cover')?.getAttribute('src')).toBe('/api/files/9');
    const [ended, live] = screen.getAllByTestId('series-session');
    expect(ended.textContent).toContain('已结束');
    expect(live.textContent).toContain('直播中');
    expect(live.querySelector('a')?.getAttribute('href')).toBe('/training/sessions/12');
  });

  it('says when the series does not exist', async () => {
    renderWithAuth(routes, null, '/training/series/9', async () =>
      Response.json({ type: 'x', title: 'Not Found', status: 404, detail: '培训系列不存在' }, {
        status: 404, headers: { 'content-type': 'application/problem+json' },
      }),
    );
    await waitFor(() => expect(screen.getByTestId('form-alert').textContent).toBe('培训系列不存在'));
  });
});
