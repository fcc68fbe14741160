import { useEffect, useState } from 'react';
import { isApiError } from '../../../api/errors';
import { ANSWER_MAX_CHARS, trainingConsoleApi } from '../../../api/trainingRoom';
import type { Question } from '../../../api/trainingRoom';
import { formatTime } from '../../../lib/format';
import { trainingDestinations } from '../../../realtime/destinations';
import { useLatest } from '../../../realtime/useTopic';

interface Props {
  sessionId: number;
  onMessage: (text: string) => void;
  onBan: (userId: number, name: string) => void;
}

/** The organiser's Q&A: every question (hidden ones too), answer with a short text, pin one, hide, ban the asker. */
export function ConsoleQa({ sessionId, onMessage, onBan }: Props) {
  const [questions, setQuestions] = useState<Question[]>([]);
  const [answering, setAnswering] = useState<{ id: number; text: string } | null>(null);
  // every snapshot of the room's Q&A means something changed: reload the full list
  const changed = useLatest<unknown>(trainingDestinations.qa(sessionId));
  const [reload, setReload] = useState(0);

  useEffect(() => {
    const ctl = new AbortController();
    trainingConsoleApi
      .questions(sessionId, ctl.signal)
      .then((q) => {
        if (Array.isArray(q)) setQuestions(q);
      })
      .catch(() => undefined);
    return () => ctl.abort();
  }, [sessionId, changed, reload]);

  const act = async (call: () => Promise<unknown>, done: string) => {
    try {
      await call();
      onMessage(done);
      setReload((n) => n + 1);
    } catch (e) {
      onMessage(isApiError(e) ? (e.fieldError('answer') ?? e.detail) : '操作失败，请稍后再试');
    }
  };

  return (
    <section className="card tc-qa" aria-label="问答管理" data-testid="console-qa">
      <h2>问答管理 <span className="muted small">{questions.filter((q) => !q.hidden).length} 个问题</span></h2>
      {questions.length === 0 && <p className="muted small">还没有问题</p>}
      <ol className="room-qa-list">
        {questions.map((q) => (
          <li key={q.id} className={`room-question${q.hidden ? ' is-hidden' : ''}${q.pinned ? ' is-pinned' : ''}`} data-testid="console-question">
            <div className="room-question-head">
              {q.pinned && <span className="room-badge pinned">置顶</span>}
              {q.answeredAt && <span className="room-badge answered">已回答</span>}
              {q.hidden && <span className="room-badge closed">已隐藏</span>}
              <span className="chat-name">{q.name}</span>
              <time className="chat-time" dateTime={q.createdAt}>{formatTime(q.createdAt)}</time>
              <span className="muted small">▲ {q.votes}</span>
            </div>
            <p className="room-question-text">{q.text}</p>
            {q.answer && <p className="room-answer small">答：{q.answer}</p>}
            {answering?.id === q.id ? (
              <form
                className="tc-answer"
                onSubmit={(e) => {
                  e.preventDefault();
                  void act(() => trainingConsoleApi.answer(sessionId, q.id, answering.text.trim()), '已标记为已回答').then(() => setAnswering(null));
                }}
              >
                <input
                  value={answering.text}
                  onChange={(e) => setAnswering({ id: q.id, text: e.target.value })}
                  maxLength={ANSWER_MAX_CHARS}
                  placeholder="简短回答（可不填）"
                  aria-label="回答"
                  data-testid="console-answer-input"
                />
                <button type="submit" className="btn btn-primary btn-sm" data-testid="console-answer-save">确定</button>
                <button type="button" className="btn btn-ghost btn-sm" onClick={() => setAnswering(null)}>取消</button>
              </form>
            ) : (
              <p className="tc-actions">
                <button type="button" className="btn-link" onClick={() => setAnswering({ id: q.id, text: q.answer ?? '' })} data-testid="console-answer">
                  {q.answeredAt ? '修改回答' : '标记已回答'}
                </button>
                {!q.hidden && (
                  <button type="button" className="btn-link" onClick={() => void act(() => trainingConsoleApi.pin(sessionId, q.id, !q.pinned), q.pinned ? '已取消置顶' : '已置顶')} data-testid="console-pin">
                    {q.pinned ? '取消置顶' : '置顶'}
                  </button>
                )}
                <button type="button" className="btn-link" onClick={() => void act(() => trainingConsoleApi.hide(sessionId, q.id, !q.hidden), q.hidden ? '已恢复' : '已隐藏')} data-testid="console-hide">
                  {q.hidden ? '恢复' : '隐藏'}
                </button>
                <button type="button" className="btn-link" onClick={() => onBan(q.userId, q.name)} data-testid="console-ban">
                  禁言
                </button>
              </p>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
