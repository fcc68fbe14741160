import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { PollView } from '../../../api/trainingRoom';
import { makeUser } from '../../../test/renderWithAuth';
import { PollCard } from './PollCard';
import { renderRoom } from './testRoom';

const poll = (over: Partial<PollView> = {}): PollView => ({
  id: 4, question: '本节课难度如何？', options: ['简单', '适中', '偏难'], multiple: false, status: 'OPEN', counts: [1, 2, 1], voters: 4, ...over,
});

describe('PollCard', () => {
  it('offers the options until I vote, then shows the live bars with my choice', async () => {
    const { calls } = renderRoom(<PollCard sessionId={12} poll={poll()} onMessage={() => undefined} />, makeUser(['VIEWER']), (_m, p, body) => {
      if (p.endsWith('/polls/mine')) return [];
      return { pollId: 4, choices: (body as { choices: number[] }).choices };
    });
    await waitFor(() => expect(screen.getAllByTestId('poll-option')).toHaveLength(3));
    expect(screen.queryByTestId('poll-results')).toBeNull();
    fireEvent.click(screen.getAllByTestId('poll-option')[1]);
    await act(async () => fireEvent.click(screen.getByTestId('poll-submit')));
    await waitFor(() => expect(screen.getAllByTestId('poll-result')).toHaveLength(3));
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ choices: [1] });
    expect(screen.getAllByTestId('poll-result')[1].textContent).toContain('（我的选择）');
    expect(screen.getAllByTestId('poll-result')[1].textContent).toContain('2 票 · 50%');
  });

  it('takes several options in a multiple-choice poll', async () => {
    const { calls } = renderRoom(<PollCard sessionId={12} poll={poll({ multiple: true })} onMessage={() => undefined} />, makeUser(['VIEWER']), (_m, p, body) =>
      p.endsWith('/polls/mine') ? [] : { pollId: 4, choices: (body as { choices: number[] }).choices });
    await waitFor(() => expect(screen.getAllByTestId('poll-option')).toHaveLength(3));
    fireEvent.click(screen.getAllByTestId('poll-option')[0]);
    fireEvent.click(screen.getAllByTestId('poll-option')[2]);
    await act(async () => fireEvent.click(screen.getByTestId('poll-submit')));
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ choices: [0, 2] });
  });

  it('shows the final results of a closed poll, also to guests', async () => {
    renderRoom(<PollCard sessionId={12} poll={poll({ status: 'CLOSED' })} onMessage={() => undefined} />, null, () => []);
    expect(screen.getByTestId('poll-card').textContent).toContain('已结束');
    expect(screen.getAllByTestId('poll-result')[0].textContent).toContain('1 票 · 25%');
  });
});
