import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { isApiError } from '../../api/errors';
import { TRAINING_STATUS_LABELS, trainingApi } from '../../api/training';
import type { SessionCard } from '../../api/training';
import { FormAlert } from '../../components/Field';
import { formatTime } from '../../lib/format';
import { dayKey, dayLabel, weekDays, weekStart } from './week';

const WEEK = 7 * 86_400_000;

/** The calendar view of /training: one week (Monday–Sunday, Asia/Shanghai) of sessions, day by day. */
export function TrainingCalendar({ now = Date.now() }: { now?: number }) {
  const [offset, setOffset] = useState(0);
  const [sessions, setSessions] = useState<SessionCard[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const start = weekStart(now, offset);

  useEffect(() => {
    const ctl = new AbortController();
    setSessions(null);
    setError(null);
    trainingApi
      .calendar(new Date(start).toISOString(), new Date(start + WEEK).toISOString(), ctl.signal)
      .then(setSessions)
      .catch((e: unknown) => {
        if (!ctl.signal.aborted) setError(isApiError(e) ? e.detail : '加载失败');
      });
    return () => ctl.abort();
  }, [start]);

  const days = weekDays(start);
  const today = dayKey(now);
  return (
    <div className="training-calendar" data-testid="training-calendar">
      <div className="training-week-nav">
        <button type="button" className="btn btn-ghost btn-sm" onClick={() => setOffset((o) => o - 1)} data-testid="week-prev">
          上一周
        </button>
        <strong data-testid="week-label">
          {dayLabel(days[0], 0).split(' ')[0]} – {dayLabel(days[6], 6).split(' ')[0]}
        </strong>
        <button type="button" className="btn btn-ghost btn-sm" onClick={() => setOffset((o) => o + 1)} data-testid="week-next">
          下一周
        </button>
      </div>
      <FormAlert message={error} />
      <ol className="training-days">
        {days.map((day, i) => {
          const key = dayKey(day);
          const mine = (sessions ?? []).filter((s) => dayKey(Date.parse(s.startsAt)) === key);
          return (
            <li key={key} className={`training-day${key === today ? ' is-today' : ''}`} data-testid={`day-${key}`}>
              <h3>{dayLabel(day, i)}{key === today && <span className="muted small">（今天）</span>}</h3>
              {mine.length === 0 ? (
                <p className="muted small">{sessions ? '无课程' : '…'}</p>
              ) : (
                <ul>
                  {mine.map((s) => (
                    <li key={s.id} data-testid="calendar-session">
                      <span className="training-time">{formatTime(s.startsAt)}</span>
                      <Link to={`/training/sessions/${s.id}`}>{s.title}</Link>
                      <span className={`training-status status-${s.status.toLowerCase()}`}>{TRAINING_STATUS_LABELS[s.status]}</span>
                      <span className="muted small training-series-name">{s.seriesTitle} · {s.lecturer}</span>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
