import { useEffect, useState } from 'react';
import { isApiError } from '../../../api/errors';
import { trainingRoomApi } from '../../../api/trainingRoom';
import type { MyVote, PollView } from '../../../api/trainingRoom';
import { useAuth } from '../../../auth/AuthProvider';
import { percent } from './roomData';

interface Props {
  sessionId: number;
  poll: PollView;
  onMessage: (text: string) => void;
}

/** Live bars of a poll's results (the viewer's choices marked). */
export function PollResults({ poll, mine }: { poll: PollView; mine?: number[] }) {
  const total = poll.counts.reduce((a, b) => a + b, 0);
  return (
    <ol className="poll-results" data-testid="poll-results">
      {poll.options.map((o, i) => {
        const p = percent(poll.counts[i] ?? 0, poll.multiple ? poll.voters : total);
        return (
          <li key={i} className={mine?.includes(i) ? 'is-mine' : undefined} data-testid="poll-result">
            <div className="poll-result-label">
              <span>{o}{mine?.includes(i) && <span className="muted small">（我的选择）</span>}</span>
              <span className="muted small">{poll.counts[i] ?? 0} 票 · {p}%</span>
            </div>
            <div className="poll-bar" aria-hidden="true"><span style={{ width: `${p}%` }} /></div>
          </li>
        );
      })}
    </ol>
  );
}

/**
 * The room's poll: while it is open and I have not voted, its options (one or several); once I voted, or when it is
 * closed, its results, which /topic/training/{id}/poll keeps up to date.
 */
export function PollCard({ sessionId, poll, onMessage }: Props) {
  const { user } = useAuth();
  const [mine, setMine] = useState<MyVote[]>([]);
  const [picked, setPicked] = useState<number[]>([]);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!user) return;
    const ctl = new AbortController();
    trainingRoomApi
      .myVotes(sessionId, ctl.signal)
      .then((v) => {
        if (Array.isArray(v)) setMine(v);
      })
      .catch(() => undefined);
    return () => ctl.abort();
  }, [sessionId, user]);

  const myVote = mine.find((v) => v.pollId === poll.id);
  const open = poll.status === 'OPEN';
  const showResults = !open || !!myVote;

  const toggle = (i: number) =>
    setPicked((p) => (poll.multiple ? (p.includes(i) ? p.filter((x) => x !== i) : [...p, i]) : [i]));

  const submit = async () => {
    if (picked.length === 0 || busy) return;
    setBusy(true);
    try {
      const v = await trainingRoomApi.votePoll(sessionId, poll.id, picked);
      setMine((m) => [...m.filter((x) => x.pollId !== poll.id), v]);
      onMessage('已投票');
    } catch (e) {
      onMessage(isApiError(e) ? (e.fieldError('choices') ?? e.detail) : '投票失败，请稍后再试');
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card poll-card" aria-label="投票" data-testid="poll-card" data-status={poll.status}>
      <p className="poll-head">
        <span className={`room-badge ${open ? 'open' : 'closed'}`}>{open ? '投票中' : '已结束'}</span>
        <span className="muted small">{poll.multiple ? '多选' : '单选'} · {poll.voters} 人参与</span>
      </p>
      <h3 className="poll-question">{poll.question}</h3>
      {showResults ? (
        <PollResults poll={poll} mine={myVote?.choices} />
      ) : (
        <>
          <div className="poll-options" role={poll.multiple ? 'group' : 'radiogroup'} aria-label={poll.question}>
            {poll.options.map((o, i) => (
              <label key={i} className="poll-option">
                <input
                  type={poll.multiple ? 'checkbox' : 'radio'}
                  name={`poll-${poll.id}`}
                  checked={picked.includes(i)}
                  onChange={() => toggle(i)}
                  disabled={!user}
                  data-testid="poll-option"
                />
                <span>{o}</span>
              </label>
            ))}
          </div>
          {user ? (
            <button type="button" className="btn btn-primary btn-sm" disabled={busy || picked.length === 0} onClick={() => void submit()} data-testid="poll-submit">
              投票
            </button>
          ) : (
            <p className="muted small">登录后参与投票</p>
          )}
        </>
      )}
    </section>
  );
}
