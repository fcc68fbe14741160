import type { StatusChange } from '../../api/merchant';
import { formatDateTime } from '../../lib/format';
import { STATUS_LABELS } from './labels';

/** The status history of an application, oldest first. */
export function StatusTimeline({ history }: { history: StatusChange[] }) {
  if (history.length === 0) return null;
  return (
    <ol className="timeline" aria-label="状态历史" data-testid="status-timeline">
      {history.map((c, i) => (
        <li key={`${c.at}-${i}`} className={`timeline-item to-${c.to.toLowerCase().replace('_', '-')}`}>
          <div className="timeline-head">
            <strong>{c.from ? `${STATUS_LABELS[c.from]} → ${STATUS_LABELS[c.to]}` : '提交申请'}</strong>
            <span className="muted small">
              {formatDateTime(c.at)} · {c.actorName}
            </span>
          </div>
          {c.reason && <p className="timeline-reason">{c.reason}</p>}
        </li>
      ))}
    </ol>
  );
}
