import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CheckInState } from '../../../api/trainingRoom';
import { makeUser } from '../../../test/renderWithAuth';
import { CheckInBanner } from './CheckInBanner';
import { problem, renderRoom } from './testRoom';

const running = (): CheckInState => ({
  sessionId: 12, checkInId: 3, opensAt: new Date(Date.now() - 60_000).toISOString(),
  closesAt: new Date(Date.now() + 125_000).toISOString(), count: 7,
});

afterEach(() => vi.useRealTimers());

describe('CheckInBanner', () => {
  it('shows the time left, refuses a wrong code with the attempts left and then says 已签到', async () => {
    const state = running();
    renderRoom(<CheckInBanner sessionId={12} state={state} onMessage={() => undefined} />, makeUser(['VIEWER']), (m, _p, body) => {
      if (m === 'GET') return { state, checkedInAt: null };
      if ((body as { code: string }).code === '1111') throw problem(400, '签到码错误，还可尝试 4 次', { remainingAttempts: 4 });
      return { state, checkedInAt: '2026-12-08T02:10:00Z' };
    });
    expect(screen.getByTestId('checkin-remaining').textContent).toMatch(/^签到进行中，剩余 02:0[45]$/);
    fireEvent.change(screen.getByTestId('checkin-code'), { target: { value: '11a11' } });
    expect((screen.getByTestId('checkin-code') as HTMLInputElement).value).toBe('1111');
    await act(async () => fireEvent.click(screen.getByTestId('checkin-submit')));
    await waitFor(() => expect(screen.getByTestId('checkin-error').textContent).toBe('签到码错误，还可尝试 4 次'));
    fireEvent.change(screen.getByTestId('checkin-code'), { target: { value: '4821' } });
    await act(async () => fireEvent.click(screen.getByTestId('checkin-submit')));
    await waitFor(() => expect(screen.getByTestId('checkin-done').textContent).toBe('已签到 ✓'));
  });

  it('knows I already checked in, and shows nothing once a check-in I missed has ended', async () => {
    const state = running();
    const { unmount } = renderRoom(<CheckInBanner sessionId={12} state={state} onMessage={() => undefined} />, makeUser(['VIEWER']),
      () => ({ state, checkedInAt: '2026-12-08T02:10:00Z' }));
    await waitFor(() => expect(screen.getByTestId('checkin-done')).toBeTruthy());
    unmount();
    const ended = { ...state, closesAt: new Date(Date.now() - 1000).toISOString() };
    renderRoom(<CheckInBanner sessionId={12} state={ended} onMessage={() => undefined} />, makeUser(['VIEWER']), () => ({ state: ended, checkedInAt: null }));
    expect(screen.queryByTestId('checkin-banner')).toBeNull();
  });

  it('asks guests to log in and never shows a code', () => {
    renderRoom(<CheckInBanner sessionId={12} state={running()} onMessage={() => undefined} />, null, () => ({}));
    expect(screen.getByTestId('checkin-banner').textContent).toContain('登录后签到');
    expect(screen.queryByTestId('checkin-code')).toBeNull();
  });
});
