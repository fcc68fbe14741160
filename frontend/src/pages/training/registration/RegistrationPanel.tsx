import { useCallback, useEffect, useState } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { isApiError } from '../../../api/errors';
import { isActive, registrationApi, stateText } from '../../../api/trainingRegistration';
import type { RegistrationStatus } from '../../../api/trainingRegistration';
import { useAuth } from '../../../auth/AuthProvider';
import { ConfirmDialog } from '../../../components/Dialog';
import { FormAlert } from '../../../components/Field';
import { Toast, useToast } from '../../../components/Toast';
import { formatDateTime } from '../../../lib/format';
import { RegisterDialog } from './RegisterDialog';

interface Props {
  /** the series page passes its id; the session page passes the session's (the registration is the series') */
  seriesId?: number;
  sessionId?: number;
  title: string;
}

/**
 * 报名 on the series and session pages: how full the series is, the 报名 button (a dialog with the series' fields),
 * then the person's state (已报名 / 候补第 N 位 / 待审核 / 未通过：原因 / 已取消) with 取消报名 and 加入日历.
 */
export function RegistrationPanel({ seriesId, sessionId, title }: Props) {
  const { user } = useAuth();
  const location = useLocation();
  const [status, setStatus] = useState<RegistrationStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [registering, setRegistering] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [busy, setBusy] = useState(false);
  const [toast, showToast] = useToast();

  const load = useCallback(
    (signal?: AbortSignal) => {
      const call = sessionId !== undefined ? registrationApi.ofSession(sessionId, signal) : registrationApi.ofSeries(seriesId ?? 0, signal);
      return call.then(setStatus).catch((e: unknown) => {
        if (!signal?.aborted) setError(isApiError(e) ? e.detail : '报名信息加载失败');
      });
    },
    [seriesId, sessionId],
  );

  useEffect(() => {
    const ctl = new AbortController();
    void load(ctl.signal);
    return () => ctl.abort();
  }, [load, user?.id]);

  if (!status?.form) return error ? <FormAlert message={error} /> : null;
  const { form, registration } = status;
  const active = registration !== null && isActive(registration.state);
  const calendarUrl = sessionId !== undefined ? registrationApi.sessionCalendarUrl(sessionId) : registrationApi.seriesCalendarUrl(form.seriesId);

  const cancel = async () => {
    setBusy(true);
    try {
      setStatus(await registrationApi.cancel(form.seriesId));
      showToast('已取消报名');
    } catch (e) {
      setError(isApiError(e) ? e.detail : '取消失败，请稍后再试');
    } finally {
      setBusy(false);
      setCancelling(false);
    }
  };

  return (
    <section className="card registration-panel" data-testid="registration-panel" aria-label="报名">
      <p className="small muted" data-testid="registration-counts">
        {form.mode === 'CAPACITY' && form.capacity !== null
          ? `已报名 ${form.confirmed} / ${form.capacity} 人${form.waiting > 0 ? ` · 候补 ${form.waiting} 人` : ''}`
          : form.mode === 'APPROVAL'
            ? `需审核 · 已通过 ${form.confirmed} 人`
            : `已报名 ${form.confirmed} 人`}
        {form.deadline && ` · 报名截止 ${formatDateTime(form.deadline)}`}
      </p>
      <FormAlert message={error} />
      {registration && (
        <p className={`registration-state state-${registration.state.toLowerCase()}`} data-testid="registration-state">
          {stateText(registration)}
        </p>
      )}
      <div className="room-actions">
        {!active && form.open && user && (
          <button type="button" className="btn btn-primary" onClick={() => setRegistering(true)} data-testid="register-open">
            {registration ? '重新报名' : '报名'}
          </button>
        )}
        {!active && form.open && !user && (
          <Link className="btn btn-primary" to={`/login?next=${encodeURIComponent(location.pathname)}`} data-testid="register-login">
            登录后报名
          </Link>
        )}
        {!active && !form.open && <span className="muted" data-testid="registration-closed">{form.closedReason}</span>}
        {active && (
          <button type="button" className="btn btn-ghost" onClick={() => setCancelling(true)} data-testid="registration-cancel">
            取消报名
          </button>
        )}
        {active && (
          <a className="btn btn-ghost" href={calendarUrl} download data-testid="registration-calendar">
            加入日历
          </a>
        )}
      </div>
      {registering && (
        <RegisterDialog
          form={form}
          title={title}
          onClose={() => setRegistering(false)}
          onDone={(s) => {
            setStatus(s);
            setRegistering(false);
            setError(null);
            showToast(s.registration ? stateText(s.registration) : '已提交');
          }}
        />
      )}
      {cancelling && (
        <ConfirmDialog
          title="取消报名"
          message={registration?.state === 'CONFIRMED' && form.mode === 'CAPACITY' ? '取消后名额将让给候补的人，确定取消吗？' : '确定取消报名吗？'}
          confirmLabel="确定取消"
          danger
          busy={busy}
          onConfirm={() => void cancel()}
          onCancel={() => setCancelling(false)}
          testId="registration-cancel-dialog"
        />
      )}
      <Toast message={toast} />
    </section>
  );
}
