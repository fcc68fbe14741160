import { Link } from 'react-router-dom';
import type { LiveSessionCard } from '../../api/live';
import { fileUrl } from '../../api/live';
import { formatDateTime } from '../../lib/format';
import { formatCountdown, msUntil } from './countdown';
import { ProductMonogram } from '../catalogue/ProductMonogram';

interface Props {
  session: LiveSessionCard;
  /** The page's clock (ticks every second). */
  now: number;
  /** Toggle "remind me"; absent for guests (the button then asks them to log in). */
  onToggleReminder?: (session: LiveSessionCard) => void;
  busy?: boolean;
  loginHref: string;
}

/** One session of the public schedule: cover, title, merchant, countdown (倒计时) or "直播中", 提醒我. */
export function ScheduleCard({ session: s, now, onToggleReminder, busy, loginHref }: Props) {
  const live = s.status === 'LIVE';
  const left = msUntil(s.startsAt, now);
  return (
    <li className={`schedule-card${live ? ' is-live' : ''}`} data-testid="schedule-card" data-id={s.id}>
      <Link to={`/live/${s.id}`} className="schedule-cover" aria-label={`进入直播间：${s.title}`}>
        {s.coverFileId ? <img src={fileUrl(s.coverFileId)} alt="" loading="lazy" /> : <ProductMonogram name={s.merchant.name} className="schedule-cover-empty" />}
        {live && <span className="schedule-live-badge">直播中</span>}
      </Link>
      <div className="schedule-main">
        <h2 className="schedule-title">
          <Link to={`/live/${s.id}`}>{s.title}</Link>
        </h2>
        <p className="schedule-meta muted small">
          {s.merchant.name}
          {s.productCount > 0 && ` · ${s.productCount} 件商品`}
        </p>
        {live ? (
          <p className="schedule-when">
            <Link className="btn btn-primary btn-sm" to={`/live/${s.id}`} data-testid="enter-room">
              进入直播间
            </Link>
          </p>
        ) : (
          <>
            <p className="schedule-when small">
              {formatDateTime(s.startsAt)} 开播
              <span className="schedule-countdown" data-testid="countdown">
                {left > 0 ? `倒计时 ${formatCountdown(left)}` : '即将开播'}
              </span>
            </p>
            <p className="schedule-actions">
              {onToggleReminder ? (
                <button
                  type="button"
                  className={s.reminded ? 'btn btn-ghost btn-sm' : 'btn btn-gold btn-sm'}
                  aria-pressed={s.reminded}
                  disabled={busy}
                  onClick={() => onToggleReminder(s)}
                  data-testid="remind"
                >
                  {s.reminded ? '已预约 · 取消' : '提醒我'}
                </button>
              ) : (
                <Link className="btn btn-gold btn-sm" to={loginHref} data-testid="remind-login">
                  提醒我
                </Link>
              )}
              {s.reminderCount > 0 && (
                <span className="muted small" data-testid="reminder-count">
                  {s.reminderCount} 人已预约
                </span>
              )}
            </p>
          </>
        )}
      </div>
    </li>
  );
}
