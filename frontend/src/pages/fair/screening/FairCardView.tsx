import { Link } from 'react-router-dom';
import type { FairCard } from '../../../api/fairScreening';
import { formatDateTime } from '../../../lib/format';
import { FAIR_STATUS_LABELS, KIND_LABELS, MODE_LABELS } from '../fairLabels';

interface Props {
  fair: FairCard;
  /** where the title links (default: the fair's home page) */
  to?: string;
  /** shown after the figures, e.g. the caller's registration status */
  extra?: React.ReactNode;
  showStatus?: boolean;
}

/** One fair in a list: kind, mode, closed-door, period, place, approved enterprises against capacity. */
export function FairCardView({ fair, to, extra, showStatus }: Props) {
  return (
    <li className="fair-card" data-testid="fair-card">
      <Link to={to ?? `/fairs/${fair.id}`} className="fair-card-title"><strong>{fair.title}</strong></Link>
      <p className="fair-tags">
        <span className="fair-tag fair-tag-kind">{KIND_LABELS[fair.kind]}</span>
        <span className="fair-tag">{MODE_LABELS[fair.mode]}</span>
        {fair.visibility === 'CLOSED' && <span className="fair-tag fair-tag-closed">闭门</span>}
        {showStatus && <span className="fair-tag">{FAIR_STATUS_LABELS[fair.status]}</span>}
      </p>
      <p className="small">{formatDateTime(fair.startsAt)} – {formatDateTime(fair.endsAt)}</p>
      <p className="small muted">{fair.region}{fair.venue ? ` · ${fair.venue}` : ''}</p>
      <p className="small muted">主办：{fair.organiser} · 已通过 {fair.approved} / {fair.capacity} 家</p>
      {extra}
    </li>
  );
}
