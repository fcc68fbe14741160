import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { isApiError } from '../../../api/errors';
import { POLL_OPTION_MAX_CHARS, POLL_QUESTION_MAX_CHARS, trainingConsoleApi } from '../../../api/trainingRoom';
import type { PollView } from '../../../api/trainingRoom';
import { trainingDestinations } from '../../../realtime/destinations';
import { useLatest } from '../../../realtime/useTopic';
import { PollResults } from './PollCard';
import { isPollSnapshot } from './roomData';

interface Props {
  sessionId: number;
  live: boolean;
  onMessage: (text: string) => void;
}

const MIN_OPTIONS = 2;
const MAX_OPTIONS = 6;

/** Checks a poll before it is sent (the server checks the same): null when fine, else what is wrong. */
export function pollProblem(question: string, options: string[]): string | null {
  if (!question.trim()) return '请填写投票问题';
  if (Array.from(question.trim()).length > POLL_QUESTION_MAX_CHARS) return `投票问题最多 ${POLL_QUESTION_MAX_CHARS} 字`;
  const filled = options.map((o) => o.trim());
  if (filled.some((o) => !o)) return '选项不能为空';
  if (filled.length < MIN_OPTIONS || filled.length > MAX_OPTIONS) return '选项需为 2-6 个';
  if (filled.some((o) => Array.from(o).length > POLL_OPTION_MAX_CHARS)) return `每个选项最多 ${POLL_OPTION_MAX_CHARS} 字`;
  return null;
}

/** The organiser's polls: write one (draft), open it while live (one at a time), close it; live results. */
export function ConsolePolls({ sessionId, live, onMessage }: Props) {
  const [polls, setPolls] = useState<PollView[]>([]);
  const [question, setQuestion] = useState('');
  const [options, setOptions] = useState<string[]>(['', '']);
  const [multiple, setMultiple] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [reload, setReload] = useState(0);
  const published = useLatest<unknown>(trainingDestinations.poll(sessionId));

  useEffect(() => {
    const ctl = new AbortController();
    trainingConsoleApi
      .polls(sessionId, ctl.signal)
      .then((s) => {
        if (isPollSnapshot(s)) setPolls(s.polls);
      })
      .catch(() => undefined);
    return () => ctl.abort();
  }, [sessionId, reload]);

  // results between reloads come from the room's topic (it carries every opened poll)
  const fromTopic = isPollSnapshot(published) ? published.polls : [];
  const shown = polls.map((p) => fromTopic.find((q) => q.id === p.id) ?? p);
  const anyOpen = shown.some((p) => p.status === 'OPEN');

  const create = async (ev: FormEvent) => {
    ev.preventDefault();
    const problem = pollProblem(question, options);
    setError(problem);
    if (problem) return;
    try {
      await trainingConsoleApi.createPoll(sessionId, { question: question.trim(), options: options.map((o) => o.trim()), multiple });
      setQuestion('');
      setOptions(['', '']);
      setMultiple(false);
      onMessage('投票已保存为草稿');
      setReload((n) => n + 1);
    } catch (e) {
      setError(isApiError(e) ? e.detail + (e.hasFieldErrors ? `：${Object.values(e.fieldErrors).join('；')}` : '') : '保存失败');
    }
  };

  const move = async (p: PollView, action: 'open' | 'close') => {
    try {
      await (action === 'open' ? trainingConsoleApi.openPoll(sessionId, p.id) : trainingConsoleApi.closePoll(sessionId, p.id));
      onMessage(action === 'open' ? '投票已发起' : '投票已结束');
      setReload((n) => n + 1);
    } catch (e) {
      onMessage(isApiError(e) ? e.detail : '操作失败');
    }
  };

  return (
    <section className="card tc-polls" aria-label="投票" data-testid="console-polls">
      <h2>投票</h2>
      <form className="poll-editor" onSubmit={(e) => void create(e)} noValidate>
        <input value={question} onChange={(e) => setQuestion(e.target.value)} maxLength={POLL_QUESTION_MAX_CHARS}
          placeholder="投票问题" aria-label="投票问题" data-testid="poll-question" />
        {options.map((o, i) => (
          <div key={i} className="poll-editor-option">
            <input value={o} maxLength={POLL_OPTION_MAX_CHARS} placeholder={`选项 ${i + 1}`} aria-label={`选项 ${i + 1}`}
              onChange={(e) => setOptions((all) => all.map((x, j) => (j === i ? e.target.value : x)))} data-testid="poll-option-input" />
            {options.length > MIN_OPTIONS && (
              <button type="button" className="btn-link" onClick={() => setOptions((all) => all.filter((_, j) => j !== i))} aria-label={`删除选项 ${i + 1}`}>
                删除
              </button>
            )}
          </div>
        ))}
        <p className="poll-editor-row">
          {options.length < MAX_OPTIONS && (
            <button type="button" className="btn btn-ghost btn-sm" onClick={() => setOptions((all) => [...all, ''])} data-testid="poll-add-option">
              添加选项
            </button>
          )}
          <label className="small">
            <input type="checkbox" checked={multiple} onChange={(e) => setMultiple(e.target.checked)} /> 多选
          </label>
          <button type="submit" className="btn btn-primary btn-sm" data-testid="poll-create">保存投票</button>
        </p>
        {error && <p className="form-error small" role="alert" data-testid="poll-error">{error}</p>}
      </form>
      <ol className="tc-poll-list">
        {shown.map((p) => (
          <li key={p.id} className="tc-poll" data-testid="console-poll" data-status={p.status}>
            <p className="poll-head">
              <span className={`room-badge ${p.status === 'OPEN' ? 'open' : p.status === 'CLOSED' ? 'closed' : ''}`}>
                {p.status === 'OPEN' ? '投票中' : p.status === 'CLOSED' ? '已结束' : '草稿'}
              </span>
              <strong>{p.question}</strong>
              <span className="muted small">{p.multiple ? '多选' : '单选'} · {p.voters} 人参与</span>
            </p>
            {p.status === 'DRAFT' ? (
              <button type="button" className="btn btn-primary btn-sm" disabled={!live || anyOpen} onClick={() => void move(p, 'open')} data-testid="poll-open">
                发起投票
              </button>
            ) : (
              <PollResults poll={p} />
            )}
            {p.status === 'OPEN' && (
              <button type="button" className="btn btn-ghost btn-sm" onClick={() => void move(p, 'close')} data-testid="poll-close">
                结束投票
              </button>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
