import { fireEvent, screen, waitFor } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { makeUser, renderWithAuth } from '../../../test/renderWithAuth';
import { seriesCard, seriesDetail } from '../../training/testData';
import { TrainingManagePage } from './TrainingManagePage';

const organiser = makeUser(['ORGANISER'], { id: 2 });

describe('TrainingManagePage', () => {
  it('lists the organiser’s series and opens a new one once created', async () => {
    renderWithAuth(
      <Routes>
        <Route path="/organiser/training" element={<TrainingManagePage />} />
        <Route path="/organiser/training/series/:id" element={<p data-testid="opened">opened</p>} />
      </Routes>,
      organiser,
      '/organiser/training',
      async (input, init) => {
        if (init?.method === 'POST') return Response.json(seriesDetail({ id: 88 }), { status: 201 });
        if (String(input).startsWith('/api/organiser/training/series')) {
          return Response.json({ items: [seriesCard(5, { title: '宁夏系列', liveCount: 1 })], next: null });
        }
        return Response.json(organiser);
      },
    );
    await waitFor(() => expect(screen.getByTestId('manage-series').textContent).toContain('1 节直播中'));
    expect(screen.getByText('宁夏系列').closest('a')?.getAttribute('href')).toBe('/organiser/training/series/5');
    fireEvent.change(screen.getByLabelText('系列名称'), { target: { value: '新系列' } });
    fireEvent.click(screen.getByTestId('series-submit'));
    await waitFor(() => expect(screen.getByTestId('opened')).toBeTruthy());
  });
});
