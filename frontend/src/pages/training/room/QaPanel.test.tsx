import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { QaSnapshot } from '../../../api/trainingRoom';
import { makeUser } from '../../../test/renderWithAuth';
import { QaPanel } from './QaPanel';
import { problem, renderRoom } from './testRoom';

const snapshot = (over: Partial<QaSnapshot> = {}): QaSnapshot => ({
  sessionId: 12,
  total: 2,
  answered: 1,
  questions: [
    { id: 2, name: '李四', text: '留抵退税怎么申请？', votes: 3, pinned: true, answered: true, answer: '在电子税务局', at: '2026-12-08T02:05:00Z' },
    { id: 1, name: '王五', text: '研发费用加计扣除？', votes: 1, pinned: false, answered: false, answer: null, at: '2026-12-08T02:01:00Z' },
  ],
  ...over,
});

describe('QaPanel', () => {
  it('lists questions with badges, highlights my votes, votes and follows the live snapshot', async () => {
    const { connect, deliver, calls } = renderRoom(<QaPanel sessionId={12} live onMessage={() => undefined} />, makeUser(['VIEWER']), (_m, p) => {
      if (p.endsWith('/qa/mine')) return { votes: [2], questions: [] };
      if (p.endsWith('/qa')) return snapshot();
      if (p.endsWith('/vote')) return { ...snapshot().questions[1], votes: 2 };
      return undefined;
    });
    await connect();
    await waitFor(() => expect(screen.getAllByTestId('qa-question')).toHaveLength(2));
    const [pinned, other] = screen.getAllByTestId('qa-question');
    expect(pinned.textContent).toContain('置顶');
    expect(pinned.textContent).toContain('已回答');
    expect(screen.getByTestId('qa-answer').textContent).toBe('答：在电子税务局');
    await waitFor(() => expect(pinned.querySelector('[data-testid="qa-vote"]')!.getAttribute('aria-pressed')).toBe('true'));
    expect(other.querySelector('[data-testid="qa-vote"]')!.getAttribute('aria-pressed')).toBe('false');
    expect(screen.getByTestId('qa-totals').textContent).toBe('共 2 个问题 · 已回答 1');

    await act(async () => fireEvent.click(other.querySelector('[data-testid="qa-vote"]')!));
    expect(calls.some((c) => c.method === 'PUT' && c.path === '/api/training/sessions/12/qa/1/vote')).toBe(true);
    expect(other.querySelector('[data-testid="qa-vote"]')!.getAttribute('aria-pressed')).toBe('true');

    // the coalesced topic replaces the list (the new ranking)
    deliver('/topic/training/12/qa', snapshot({ total: 3, questions: [{ id: 3, name: '赵六', text: '新问题', votes: 9, pinned: false, answered: false, answer: null, at: '2026-12-08T02:09:00Z' }] }));
    await waitFor(() => expect(screen.getAllByTestId('qa-question')).toHaveLength(1));
    expect(screen.getByTestId('qa-votes').textContent).toBe('9');
  });

  it('asks a question, shows the server refusal, and shows my hidden question to me only', async () => {
    let asked = 0;
    renderRoom(<QaPanel sessionId={12} live onMessage={() => undefined} />, makeUser(['VIEWER']), (m, p, body) => {
      if (p.endsWith('/qa/mine')) {
        return { votes: [], questions: [{ id: 5, sessionId: 12, userId: 1, name: '张三', text: '被隐藏的问题', votes: 0, pinned: false, hidden: true, answeredAt: null, answer: null, createdAt: '2026-12-08T02:00:00Z' }] };
      }
      if (m === 'POST') {
        asked++;
        if ((body as { text: string }).text === '太快') throw problem(429, '提问太频繁，请稍后再试');
        return { id: 9 };
      }
      return snapshot({ total: 0, answered: 0, questions: [] });
    });
    await waitFor(() => expect(screen.getByTestId('qa-hidden-mine').textContent).toContain('仅你可见'));
    fireEvent.change(screen.getByTestId('qa-input'), { target: { value: '太快' } });
    await act(async () => fireEvent.click(screen.getByTestId('qa-ask')));
    await waitFor(() => expect(screen.getByTestId('qa-error').textContent).toBe('提问太频繁，请稍后再试'));
    fireEvent.change(screen.getByTestId('qa-input'), { target: { value: '  这个政策适用于个体户吗？ ' } });
    await act(async () => fireEvent.click(screen.getByTestId('qa-ask')));
    await waitFor(() => expect((screen.getByTestId('qa-input') as HTMLTextAreaElement).value).toBe(''));
    expect(asked).toBe(2);
    // overlong: the button is off
    fireEvent.change(screen.getByTestId('qa-input'), { target: { value: '长'.repeat(201) } });
    expect((screen.getByTestId('qa-ask') as HTMLButtonElement).disabled).toBe(true);
  });

  it('lets guests read but not ask or vote', async () => {
    renderRoom(<QaPanel sessionId={12} live onMessage={() => undefined} />, null, () => snapshot());
    await waitFor(() => expect(screen.getAllByTestId('qa-question')).toHaveLength(2));
    expect(screen.getByTestId('qa-login').textContent).toBe('登录后提问和点赞');
    expect(screen.queryByTestId('qa-input')).toBeNull();
    expect((screen.getAllByTestId('qa-vote')[0] as HTMLButtonElement).disabled).toBe(true);
  });
});
