import { useCallback, useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { isApiError } from '../../../api/errors';
import { QUESTION_MAX_CHARS, trainingRoomApi } from '../../../api/trainingRoom';
import type { MyQa, QuestionView } from '../../../api/trainingRoom';
import { useAuth } from '../../../auth/AuthProvider';
import { chatLength } from '../../../components/chat/chatText';
import { formatTime } from '../../../lib/format';
import { trainingDestinations } from '../../../realtime/destinations';
import { isQaSnapshot, useSnapshot } from './roomData';

interface Props {
  sessionId: number;
  /** questions are asked and voted while the session is live */
  live: boolean;
  onMessage: (text: string) => void;
}

/**
 * The room's Q&A: the ranked list (pinned first, then by votes) from /topic/training/{id}/qa, my votes highlighted,
 * answered and pinned badges, my own hidden questions marked for me only, and the ask box while live.
 */
export function QaPanel({ sessionId, live, onMessage }: Props) {
  const { user } = useAuth();
  const location = useLocation();
  const snapshot = useSnapshot(trainingDestinations.qa(sessionId), (s) => trainingRoomApi.qa(sessionId, s), isQaSnapshot);
  const [mine, setMine] = useState<MyQa>({ votes: [], questions: [] });
  const [draft, setDraft] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const loadMine = useCallback(() => {
    if (!user) return;
    trainingRoomApi
      .myQa(sessionId)
      .then((m) => {
        if (m && Array.isArray(m.votes) && Array.isArray(m.questions)) setMine(m);
      })
      .catch(() => undefined);
  }, [sessionId, user]);
  useEffect(loadMine, [loadMine]);

  const voted = new Set(mine.votes);
  const hiddenMine = mine.questions.filter((q) => q.hidden);
  const length = chatLength(draft.trim());
  const tooLong = length > QUESTION_MAX_CHARS;

  const ask = async (ev: FormEvent) => {
    ev.preventDefault();
    const text = draft.trim();
    if (!text || tooLong || busy) return;
    setBusy(true);
    setError(null);
    try {
      await trainingRoomApi.ask(sessionId, text);
      setDraft('');
      onMessage('问题已提交');
      loadMine();
    } catch (e) {
      setError(isApiError(e) ? (e.fieldError('text') ?? e.detail) : '提交失败，请稍后再试');
    } finally {
      setBusy(false);
    }
  };

  const vote = async (q: QuestionView) => {
    const up = !voted.has(q.id);
    // shown at once; the ranked list follows with the next snapshot
    setMine((m) => ({ ...m, votes: up ? [...m.votes, q.id] : m.votes.filter((v) => v !== q.id) }));
    try {
      await trainingRoomApi.vote(sessionId, q.id, up);
    } catch (e) {
      loadMine();
      onMessage(isApiError(e) ? e.detail : '操作失败，请稍后再试');
    }
  };

  return (
    <section className="room-qa" aria-label="问答" data-testid="qa-panel">
      {live &&
        (user ? (
          <form className="room-ask" onSubmit={(e) => void ask(e)} noValidate>
            <textarea
              value={draft}
              onChange={(e) => setDraft(e.target.value)}
              placeholder="向讲师提问…"
              aria-label="问题"
              aria-invalid={tooLong || undefined}
              rows={2}
              data-testid="qa-input"
            />
            <div className="room-ask-row">
              <span className={tooLong ? 'chat-count over' : 'chat-count'}>
                {length}/{QUESTION_MAX_CHARS}
              </span>
              <button type="submit" className="btn btn-primary btn-sm" disabled={busy || !draft.trim() || tooLong} data-testid="qa-ask">
                提问
              </button>
            </div>
            {error && <p className="form-error small" role="alert" data-testid="qa-error">{error}</p>}
          </form>
        ) : (
          <Link className="chat-login" to={`/login?next=${encodeURIComponent(location.pathname)}`} data-testid="qa-login">
            登录后提问和点赞
          </Link>
        ))}
      {!live && <p className="muted small">直播中可以提问和点赞</p>}
      <p className="muted small" data-testid="qa-totals">
        共 {snapshot?.total ?? 0} 个问题 · 已回答 {snapshot?.answered ?? 0}
      </p>
      {hiddenMine.length > 0 && (
        <ul className="room-qa-list">
          {hiddenMine.map((q) => (
            <li key={q.id} className="room-question is-hidden" data-testid="qa-hidden-mine">
              <p className="room-question-text">{q.text}</p>
              <p className="muted small">已被主办方隐藏，仅你可见</p>
            </li>
          ))}
        </ul>
      )}
      <ol className="room-qa-list" data-testid="qa-list">
        {snapshot && snapshot.questions.length === 0 && <li className="chat-empty muted">还没有问题</li>}
        {snapshot?.questions.map((q) => (
          <li key={q.id} className={`room-question${q.pinned ? ' is-pinned' : ''}`} data-testid="qa-question" data-id={q.id}>
            <div className="room-question-head">
              {q.pinned && <span className="room-badge pinned">置顶</span>}
              {q.answered && <span className="room-badge answered" data-testid="qa-answered">已回答</span>}
              <span className="chat-name">{q.name}</span>
              <time className="chat-time" dateTime={q.at}>{formatTime(q.at)}</time>
            </div>
            <p className="room-question-text">{q.text}</p>
            {q.answer && <p className="room-answer small" data-testid="qa-answer">答：{q.answer}</p>}
            <button
              type="button"
              className={`room-vote${voted.has(q.id) ? ' is-mine' : ''}`}
              aria-pressed={voted.has(q.id)}
              aria-label={voted.has(q.id) ? `取消点赞，当前 ${q.votes} 票` : `点赞，当前 ${q.votes} 票`}
              disabled={!user || !live}
              onClick={() => void vote(q)}
              data-testid="qa-vote"
            >
              ▲ <span data-testid="qa-votes">{q.votes}</span>
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
