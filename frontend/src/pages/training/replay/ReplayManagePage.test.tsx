import { screen, waitFor } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import type { OrganiserReplay } from '../../../api/trainingReplay';
import { makeUser, renderWithAuth } from '../../../test/renderWithAuth';
import { formatWatchTime, ReplayManagePage } from './ReplayManagePage';
import { organiserReplay } from './testData';

const organiser = makeUser(['ORGANISER'], { id: 2 });

function renderPage(answer: OrganiserReplay) {
  return renderWithAuth(
    <Routes>
      <Route path="/organiser/training/sessions/:id/replay" element={<ReplayManagePage />} />
    </Routes>,
    organiser,
    '/organiser/training/sessions/12/replay',
    async (input) => (String(input) === '/api/me' ? Response.json(organiser) : Response.json(answer)),
  );
}

describe('ReplayManagePage', () => {
  it('shows the replay figures and the form of a session with a replay', async () => {
    renderPage(organiserReplay());
    await waitFor(() => expect(screen.getByTestId('stat-views').textContent).toBe('41'));
    expect(screen.getByTestId('stat-viewers').textContent).toBe('30');
    expect(screen.getByTestId('stat-time').textContent).toBe('2 小时 3 分');
    expect(screen.getByTestId('replay-session-status').textContent).toBe('可回看');
    expect((screen.getByLabelText('回放地址') as HTMLInputElement).value).toBe('https://cdn.example.com/replay/a.m3u8');
    expect(screen.getByTestId('replay-submit').textContent).toBe('保存回看');
  });

  it('offers the form once the session ended, and not before', async () => {
    const { unmount } = renderPage(organiserReplay({ status: 'ENDED', replay: null }));
    await waitFor(() => expect(screen.getByTestId('replay-submit').textContent).toBe('发布回看'));
    unmount();
    renderPage(organiserReplay({ status: 'LIVE', replay: null }));
    await waitFor(() => expect(screen.getByTestId('replay-not-yet')).toBeTruthy());
    expect(screen.queryByTestId('replay-form')).toBeNull();
  });

  it('writes watch time the Chinese way', () => {
    expect(formatWatchTime(40)).toBe('40 秒');
    expect(formatWatchTime(720)).toBe('12 分');
    expect(formatWatchTime(11_100)).toBe('3 小时 5 分');
  });
});
