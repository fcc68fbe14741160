import { useEffect, useState } from 'react';
import { profileApi } from '../../api/identity';
import { isApiError } from '../../api/errors';
import type { JoinRequest } from '../../api/types';
import { FormAlert } from '../../components/Field';
import { formatDateTime } from '../../lib/format';

/** For the enterprise's first account: pending requests to join it, each approved or rejected here. */
export function JoinReviewList() {
  const [approver, setApprover] = useState(false);
  const [pending, setPending] = useState<JoinRequest[]>([]);
  const [busyId, setBusyId] = useState<number | null>(null);
  const [alert, setAlert] = useState<string | null>(null);
  const [decided, setDecided] = useState<string | null>(null);

  useEffect(() => {
    const ctrl = new AbortController();
    profileApi
      .review(ctrl.signal)
      .then((r) => {
        setApprover(r.approver);
        setPending(r.pending);
      })
      .catch(() => undefined);
    return () => ctrl.abort();
  }, []);

  if (!approver) return null;

  const decide = async (r: JoinRequest, approve: boolean) => {
    setBusyId(r.id);
    setAlert(null);
    try {
      await profileApi.decide(r.id, approve);
      setPending((p) => p.filter((x) => x.id !== r.id));
      setDecided(`已${approve ? '通过' : '拒绝'} ${r.userDisplayName} 的加入申请`);
    } catch (err) {
      if (isApiError(err)) setAlert(err.detail);
    } finally {
      setBusyId(null);
    }
  };

  return (
    <section className="join-review" data-testid="join-review">
      <h3>加入企业的申请</h3>
      <FormAlert message={alert} />
      {decided && (
        <p className="form-status" role="status">
          {decided}
        </p>
      )}
      {pending.length === 0 ? (
        <p className="card muted">暂无待审核的申请。</p>
      ) : (
        <ul className="card join-requests">
          {pending.map((r) => (
            <li key={r.id} data-testid={`join-request-${r.id}`}>
              <span className="join-request-main">
                <strong>{r.userDisplayName}</strong>
                <span className="muted small">
                  {' '}
                  @{r.username} · {formatDateTime(r.createdAt)}
                </span>
              </span>
              <span className="join-actions">
                <button
                  type="button"
                  className="btn btn-primary btn-sm"
                  disabled={busyId !== null}
                  onClick={() => decide(r, true)}
                >
                  通过
                </button>
                <button
                  type="button"
                  className="btn btn-ghost btn-sm"
                  disabled={busyId !== null}
                  onClick={() => decide(r, false)}
                >
                  拒绝
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
