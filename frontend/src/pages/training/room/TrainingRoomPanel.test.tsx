import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeUser } from '../../../test/renderWithAuth';
import { TrainingRoomPanel } from './TrainingRoomPanel';
import { renderRoom } from './testRoom';

const route = (_m: string, p: string) => {
  if (p.endsWith('/polls')) return { sessionId: 12, polls: [] };
  if (p.endsWith('/polls/mine')) return [];
  if (p.endsWith('/checkin')) return { state: { sessionId: 12, checkInId: null, opensAt: null, closesAt: null, count: 0 }, checkedInAt: null };
  if (p.endsWith('/qa')) return { sessionId: 12, total: 0, answered: 0, questions: [] };
  if (p.endsWith('/qa/mine')) return { votes: [], questions: [] };
  return undefined;
};

describe('TrainingRoomPanel', () => {
  it('switches between chat, Q&A and poll tabs and sends chat lines to the training room', async () => {
    const { connect, deliver, fake } = renderRoom(<TrainingRoomPanel sessionId={12} status="LIVE" />, makeUser(['VIEWER']), route);
    await connect();
    expect(screen.getByTestId('room-tab-chat').getAttribute('aria-selected')).toBe('true');
    expect(fake.live('/topic/training/12/chat')).toHaveLength(1);
    fireEvent.change(screen.getByTestId('chat-input'), { target: { value: '老师好' } });
    await act(async () => fireEvent.click(screen.getByTestId('chat-send')));
    expect(fake.published.at(-1)).toMatchObject({ destination: '/app/training/12/chat' });

    fireEvent.click(screen.getByTestId('room-tab-qa'));
    await waitFor(() => expect(screen.getByTestId('qa-panel')).toBeTruthy());
    expect(screen.queryByTestId('chat-list')).toBeNull();

    fireEvent.click(screen.getByTestId('room-tab-poll'));
    expect(screen.getByTestId('poll-empty')).toBeTruthy();
    // an opened poll arrives on the poll topic
    deliver('/topic/training/12/poll', { sessionId: 12, polls: [{ id: 4, question: '难度？', options: ['易', '难'], multiple: false, status: 'OPEN', counts: [0, 0], voters: 0 }] });
    await waitFor(() => expect(screen.getByTestId('poll-card').dataset.status).toBe('OPEN'));
    expect(screen.getByTestId('room-tab-poll').textContent).toContain('投票·签到');
    expect(screen.getByLabelText('有进行中的投票')).toBeTruthy();

    // a check-in starts: the banner shows above the tabs, without a code
    deliver('/topic/training/12/checkin', { sessionId: 12, checkInId: 3, opensAt: new Date().toISOString(), closesAt: new Date(Date.now() + 300_000).toISOString(), count: 0 });
    await waitFor(() => expect(screen.getByTestId('checkin-remaining').textContent).toContain('签到进行中，剩余 0'));
  });

  it('closes chat before the start', async () => {
    const { connect } = renderRoom(<TrainingRoomPanel sessionId={12} status="SCHEDULED" />, makeUser(['VIEWER']), route);
    await connect();
    expect(screen.getByTestId('chat-closed').textContent).toBe('开播后可以发言');
  });
});
