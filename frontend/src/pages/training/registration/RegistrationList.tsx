import { useCallback, useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { isApiError } from '../../../api/errors';
import { STATE_LABELS, registrationApi } from '../../../api/trainingRegistration';
import type { RegistrationRow, RegistrationState } from '../../../api/trainingRegistration';
import { Dialog } from '../../../components/Dialog';
import { FormAlert } from '../../../components/Field';
import { formatDateTime } from '../../../lib/format';

const TABS: Array<{ state: RegistrationState | null; label: string }> = [
  { state: null, label: '全部' },
  { state: 'CONFIRMED', label: STATE_LABELS.CONFIRMED },
  { state: 'WAITLISTED', label: '候补' },
  { state: 'PENDING', label: STATE_LABELS.PENDING },
  { state: 'REJECTED', label: STATE_LABELS.REJECTED },
  { state: 'CANCELLED', label: STATE_LABELS.CANCELLED },
];

interface Props {
  seriesId: number;
  /** bumped by the parent when something changed elsewhere (settings saved) */
  version: number;
  onChanged: () => void;
}

/** The organiser's list of a series' registrations, by state, with masked phones; approve / reject with a reason. */
export function RegistrationList({ seriesId, version, onChanged }: Props) {
  const [tab, setTab] = useState<RegistrationState | null>(null);
  const [rows, setRows] = useState<RegistrationRow[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<number | null>(null);
  const [rejecting, setRejecting] = useState<RegistrationRow | null>(null);

  const load = useCallback(
    (after: string | null, signal?: AbortSignal) =>
      registrationApi
        .list(seriesId, tab, after, signal)
        .then((page) => {
          setRows((prev) => (after ? [...prev, ...page.items] : page.items));
          setNext(page.next);
        })
        .catch((e: unknown) => {
          if (!signal?.aborted) setError(isApiError(e) ? e.detail : '加载失败');
        }),
    [seriesId, tab],
  );

  useEffect(() => {
    const ctl = new AbortController();
    void load(null, ctl.signal);
    return () => ctl.abort();
  }, [load, version]);

  const approve = async (row: RegistrationRow) => {
    setBusy(row.id);
    setError(null);
    try {
      await registrationApi.approve(row.id);
      onChanged();
    } catch (e) {
      setError(isApiError(e) ? e.detail : '操作失败');
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="registration-list" data-testid="registration-list">
      <div className="tabs" role="tablist" aria-label="报名状态">
        {TABS.map((t) => (
          <button key={t.label} type="button" role="tab" aria-selected={tab === t.state}
            className={`tab${tab === t.state ? ' active' : ''}`} onClick={() => setTab(t.state)}
            data-testid={`registration-tab-${t.state ?? 'ALL'}`}>
            {t.label}
          </button>
        ))}
      </div>
      <FormAlert message={error} />
      {rows.length === 0 && <p className="muted">暂无报名。</p>}
      <ul className="schedule-list">
        {rows.map((r) => (
          <li key={r.id} className="training-card" data-testid="registration-row">
            <p>
              <strong>{r.name}</strong>{' '}
              <span className={`registration-state state-${r.state.toLowerCase()}`}>
                {r.state === 'WAITLISTED' && r.position ? `候补第 ${r.position} 位` : r.stateLabel}
              </span>
            </p>
            <p className="small">
              {[r.company, r.jobTitle].filter(Boolean).join(' · ')}
              {r.phone && <> · <span data-testid="registration-phone">{r.phone}</span></>}
            </p>
            {r.reason && <p className="small muted">原因：{r.reason}</p>}
            <p className="small muted">报名于 {formatDateTime(r.registeredAt)}</p>
            {r.state === 'PENDING' && (
              <p className="room-actions">
                <button type="button" className="btn btn-primary btn-sm" disabled={busy === r.id}
                  onClick={() => void approve(r)} data-testid="registration-approve">通过</button>
                <button type="button" className="btn btn-ghost btn-sm" disabled={busy === r.id}
                  onClick={() => setRejecting(r)} data-testid="registration-reject">不通过</button>
              </p>
            )}
          </li>
        ))}
      </ul>
      {next && (
        <button type="button" className="btn btn-ghost" onClick={() => void load(next)}>加载更多</button>
      )}
      {rejecting && (
        <RejectDialog row={rejecting} onClose={() => setRejecting(null)} onDone={() => { setRejecting(null); onChanged(); }} />
      )}
    </div>
  );
}

function RejectDialog({ row, onClose, onDone }: { row: RegistrationRow; onClose: () => void; onDone: () => void }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!reason.trim()) {
      setError('请填写未通过的原因');
      return;
    }
    setBusy(true);
    try {
      await registrationApi.reject(row.id, reason.trim());
      onDone();
    } catch (err) {
      setError(isApiError(err) ? (err.fieldErrors.reason ?? err.detail) : '操作失败');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title={`不通过：${row.name}`} onClose={onClose} testId="reject-dialog">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <FormAlert message={error} />
        <label htmlFor="reject-reason">原因（报名人可见）</label>
        <textarea id="reject-reason" value={reason} maxLength={200} rows={3} onChange={(e) => setReason(e.target.value)} />
        <div className="dialog-actions">
          <button type="button" className="btn btn-ghost" onClick={onClose} data-testid="dialog-cancel">取消</button>
          <button type="submit" className="btn btn-primary" disabled={busy} data-testid="reject-submit">确定不通过</button>
        </div>
      </form>
    </Dialog>
  );
}
