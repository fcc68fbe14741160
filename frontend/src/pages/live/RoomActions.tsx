// The room's own actions under its title: 提醒我 while the session is scheduled (the same reminder API as the
// schedule's cards; guests are sent to log in and back) and 分享 (link and poster).
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { isApiError } from '../../api/errors';
import { fileUrl, liveApi } from '../../api/live';
import type { LiveSessionDetail, LiveStatus } from '../../api/live';
import { useAuth } from '../../auth/AuthProvider';
import { ShareButton } from '../../components/share/ShareButton';
import { formatDateTime } from '../../lib/format';

interface Props {
  session: LiveSessionDetail;
  /** the newest status (from the status topic once it spoke) */
  status: LiveStatus | null;
}

/** The poster's lines of a session: when it starts (Beijing time) or that it is on now, and whose it is. */
export function sessionPosterLines(session: LiveSessionDetail, status: LiveStatus | null): string[] {
  const when =
    status === 'LIVE'
      ? '正在直播，快来一起看'
      : status === 'ENDED'
        ? `${formatDateTime(session.startedAt ?? session.startsAt)} 直播（北京时间）`
        : `开播时间 ${formatDateTime(session.startsAt)}（北京时间）`;
  return [when, session.merchant.name];
}

export function RoomActions({ session, status }: Props) {
  const { user } = useAuth();
  const [reminder, setReminder] = useState({ id: session.id, reminded: session.reminded, count: session.reminderCount });
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const state = reminder.id === session.id ? reminder : { id: session.id, reminded: session.reminded, count: session.reminderCount };
  const cover = session.coverFileId ?? session.lineup.find((p) => p.coverFileId)?.coverFileId ?? null;

  const toggle = async () => {
    setBusy(true);
    setNote(null);
    try {
      const r = state.reminded ? await liveApi.forget(session.id) : await liveApi.remind(session.id);
      setReminder({ id: session.id, reminded: r.reminded, count: r.reminderCount });
      setNote(r.reminded ? '已预约，开播时会通知你' : '已取消提醒');
    } catch (e) {
      setNote(isApiError(e) ? e.detail : '操作失败，请稍后再试');
    } finally {
      setBusy(false);
    }
  };

  const path = `/live/${session.id}`;
  return (
    <div className="room-actions" data-testid="room-actions">
      {status === 'SCHEDULED' &&
        (user ? (
          <button
            type="button"
            className={state.reminded ? 'btn btn-ghost btn-sm' : 'btn btn-gold btn-sm'}
            aria-pressed={state.reminded}
            disabled={busy}
            onClick={toggle}
            data-testid="room-remind"
          >
            {state.reminded ? '已预约 · 取消' : '提醒我'}
          </button>
        ) : (
          <Link className="btn btn-gold btn-sm" to={`/login?next=${encodeURIComponent(path)}`} data-testid="room-remind-login">
            提醒我
          </Link>
        ))}
      {status === 'SCHEDULED' && state.count > 0 && (
        <span className="muted small" data-testid="room-reminder-count">
          {state.count} 人已预约
        </span>
      )}
      <ShareButton
        kind="直播"
        path={path}
        title={session.title}
        lines={sessionPosterLines(session, status)}
        imageUrl={cover ? fileUrl(cover) : null}
        testId="room-share"
      />
      {note && (
        <span className="room-actions-note small" role="status" data-testid="room-remind-note">
          {note}
        </span>
      )}
    </div>
  );
}
