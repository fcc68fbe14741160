import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { makeUser } from '../../../test/renderWithAuth';
import { sessionDetail } from '../testData';
import { pollProblem } from './ConsolePolls';
import { TrainingConsolePage } from './TrainingConsolePage';
import { renderRoom } from './testRoom';

const question = { id: 7, sessionId: 12, userId: 44, name: '李四', text: '怎么申报？', votes: 2, pinned: false, hidden: false, answeredAt: null, answer: null, createdAt: '2026-12-08T02:00:00Z' };

function renderConsole(onCall: (m: string, p: string, body: unknown) => unknown = () => undefined) {
  let checkIns: unknown[] = [];
  return renderRoom(
    <Routes>
      <Route path="/organiser/training/sessions/:id/console" element={<TrainingConsolePage />} />
    </Routes>,
    makeUser(['ORGANISER']),
    (m, p, body) => {
      const answer = onCall(m, p, body);
      if (answer !== undefined) return answer;
      if (p === '/api/organiser/training/sessions/12') return sessionDetail({ status: 'LIVE' });
      if (p.endsWith('/qa') && m === 'GET') return [question];
      if (p.endsWith('/polls') && m === 'GET') return { sessionId: 12, polls: [] };
      if (p.endsWith('/checkins') && m === 'GET') return { checkIns, now: new Date().toISOString() };
      if (p.endsWith('/checkins') && m === 'POST') {
        const now = Date.now();
        checkIns = [{ id: 3, sessionId: 12, code: '0427', opensAt: new Date(now).toISOString(), closesAt: new Date(now + 300_000).toISOString(), count: 0 }];
        return checkIns[0];
      }
      return undefined;
    },
    '/organiser/training/sessions/12/console',
  );
}

describe('TrainingConsolePage', () => {
  it('starts a check-in and shows its code big with a live count', async () => {
    const { connect, deliver, calls } = renderConsole();
    await connect();
    await waitFor(() => expect(screen.getByTestId('training-console').dataset.status).toBe('LIVE'));
    fireEvent.change(screen.getByTestId('checkin-minutes'), { target: { value: '3' } });
    await act(async () => fireEvent.click(screen.getByTestId('checkin-start')));
    expect(calls.find((c) => c.method === 'POST' && c.path.endsWith('/checkins'))?.body).toEqual({ minutes: 3 });
    await waitFor(() => expect(screen.getByTestId('checkin-code-big').textContent).toBe('0427'));
    deliver('/topic/training/12/checkin', { sessionId: 12, checkInId: 3, opensAt: '', closesAt: '', count: 17 });
    await waitFor(() => expect(screen.getByTestId('checkin-count').textContent).toBe('17'));
  });

  it('answers, pins and hides questions', async () => {
    const { connect, calls } = renderConsole((m, p) => (m !== 'GET' && p.includes('/qa/7/') ? question : undefined));
    await connect();
    await waitFor(() => expect(screen.getAllByTestId('console-question')).toHaveLength(1));
    fireEvent.click(screen.getByTestId('console-answer'));
    fireEvent.change(screen.getByTestId('console-answer-input'), { target: { value: '在电子税务局' } });
    await act(async () => fireEvent.click(screen.getByTestId('console-answer-save')));
    expect(calls.find((c) => c.path.endsWith('/qa/7/answer'))?.body).toEqual({ answer: '在电子税务局' });
    await act(async () => fireEvent.click(screen.getByTestId('console-pin')));
    expect(calls.find((c) => c.path.endsWith('/qa/7/pinned'))?.body).toEqual({ value: true });
    await act(async () => fireEvent.click(screen.getByTestId('console-hide')));
    expect(calls.find((c) => c.path.endsWith('/qa/7/hidden'))?.body).toEqual({ value: true });
  });

  it('writes a poll as a draft after checking it', async () => {
    expect(pollProblem('', ['a', 'b'])).toBe('请填写投票问题');
    expect(pollProblem('问', ['a', ' '])).toBe('选项不能为空');
    expect(pollProblem('问', ['a', '长'.repeat(41)])).toBe('每个选项最多 40 字');
    expect(pollProblem('长'.repeat(101), ['a', 'b'])).toBe('投票问题最多 100 字');
    expect(pollProblem('问', ['a', 'b'])).toBeNull();
    const { connect, calls } = renderConsole((m, p) => (m === 'POST' && p.endsWith('/polls') ? { id: 1 } : undefined));
    await connect();
    await waitFor(() => expect(screen.getByTestId('poll-question')).toBeTruthy());
    await act(async () => fireEvent.click(screen.getByTestId('poll-create')));
    expect(screen.getByTestId('poll-error').textContent).toBe('请填写投票问题');
    fireEvent.change(screen.getByTestId('poll-question'), { target: { value: '你所在行业' } });
    const inputs = screen.getAllByTestId('poll-option-input');
    fireEvent.change(inputs[0], { target: { value: '制造' } });
    fireEvent.change(inputs[1], { target: { value: '外贸' } });
    fireEvent.click(screen.getByTestId('poll-add-option'));
    fireEvent.change(screen.getAllByTestId('poll-option-input')[2], { target: { value: '服务' } });
    await act(async () => fireEvent.click(screen.getByTestId('poll-create')));
    expect(calls.find((c) => c.method === 'POST' && c.path.endsWith('/polls'))?.body).toEqual({ question: '你所在行业', options: ['制造', '外贸', '服务'], multiple: false });
  });
});
