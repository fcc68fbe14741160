import { useCallback, useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { profileApi } from '../../api/identity';
import { isApiError } from '../../api/errors';
import type { JoinRequest, User } from '../../api/types';
import { FormAlert, TextField } from '../../components/Field';
import { creditCodeProblem, normaliseCreditCode } from '../../lib/creditCode';
import { formatDateTime } from '../../lib/format';
import { SIZE_LABELS, TIER_LABELS } from '../../lib/labels';
import type { EnterpriseForm, FieldErrors } from '../../lib/validation';
import { EnterpriseFields } from '../auth/EnterpriseFields';
import { normaliseServerErrors } from '../auth/registerRequest';
import { JoinReviewList } from './JoinReviewList';

const STATUS_LABELS: Record<JoinRequest['status'], string> = {
  PENDING: '待审核',
  APPROVED: '已通过',
  REJECTED: '未通过',
  CANCELLED: '已撤回',
};

const emptyEnterprise = (): EnterpriseForm => ({
  name: '',
  creditCode: '',
  region: '',
  industry: '',
  size: '',
  tier: 'NONE',
});

function validateEnterprise(ent: EnterpriseForm): FieldErrors {
  const e: FieldErrors = {};
  if (!ent.name.trim()) e['enterprise.name'] = '请输入企业名称';
  const cc = creditCodeProblem(ent.creditCode);
  if (cc) e['enterprise.creditCode'] = cc;
  if (!ent.region.trim()) e['enterprise.region'] = '请输入所在地区';
  if (!ent.industry.trim()) e['enterprise.industry'] = '请输入所属行业';
  if (!ent.size) e['enterprise.size'] = '请选择企业规模';
  return e;
}

/**
 * 所属企业: the enterprise's details (and, for its first account, the requests to join it); for an individual
 * account: register a new enterprise (credit-code checked) or ask to join one already registered.
 */
export function EnterpriseSection({ user, onUser }: { user: User; onUser: (u: User) => void }) {
  const [requests, setRequests] = useState<JoinRequest[]>([]);
  const [mode, setMode] = useState<'create' | 'join'>('create');
  const [form, setForm] = useState<EnterpriseForm>(emptyEnterprise);
  const [joinCode, setJoinCode] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [existing, setExisting] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const loadRequests = useCallback((signal?: AbortSignal) => {
    profileApi
      .myRequests(signal)
      .then(setRequests)
      .catch(() => undefined);
  }, []);

  useEffect(() => {
    if (user.enterprise) return;
    const ctrl = new AbortController();
    loadRequests(ctrl.signal);
    return () => ctrl.abort();
  }, [user.enterprise, loadRequests]);

  const ent = user.enterprise;
  if (ent) {
    return (
      <>
        <dl className="card details" data-testid="me-enterprise">
          <dt>企业名称</dt>
          <dd>{ent.name}</dd>
          <dt>统一社会信用代码</dt>
          <dd className="mono">{ent.creditCode}</dd>
          <dt>所在地区</dt>
          <dd>{ent.region}</dd>
          <dt>所属行业</dt>
          <dd>{ent.industry}</dd>
          <dt>企业规模</dt>
          <dd>{SIZE_LABELS[ent.size] ?? ent.size}</dd>
          <dt>专精特新梯度</dt>
          <dd>{TIER_LABELS[ent.tier] ?? ent.tier}</dd>
        </dl>
        <JoinReviewList />
      </>
    );
  }

  const pending = requests.find((r) => r.status === 'PENDING');

  const fail = (err: unknown) => {
    if (!isApiError(err)) return;
    if (err.type?.endsWith('/enterprise-exists')) {
      setExisting(form.creditCode);
      setAlert(err.detail);
      return;
    }
    const fields = normaliseServerErrors(err.fieldErrors);
    setErrors(fields);
    setAlert(err.hasFieldErrors ? null : err.detail);
  };

  const create = async (ev: FormEvent) => {
    ev.preventDefault();
    setAlert(null);
    setExisting(null);
    const e = validateEnterprise(form);
    setErrors(e);
    if (Object.keys(e).length) return;
    setBusy(true);
    try {
      const { size, ...rest } = form;
      const u = await profileApi.addEnterprise({
        ...rest,
        name: rest.name.trim(),
        region: rest.region.trim(),
        industry: rest.industry.trim(),
        size: size as Exclude<typeof size, ''>,
      });
      onUser(u);
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };

  const join = async (code: string) => {
    setAlert(null);
    const problem = creditCodeProblem(code);
    if (problem) {
      setErrors({ 'enterprise.creditCode': problem });
      return;
    }
    setBusy(true);
    try {
      const r = await profileApi.requestToJoin(code);
      setRequests((rs) => [r, ...rs]);
      setExisting(null);
      setJoinCode('');
      setErrors({});
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };

  const cancel = async (r: JoinRequest) => {
    setBusy(true);
    try {
      const updated = await profileApi.cancel(r.id);
      setRequests((rs) => rs.map((x) => (x.id === r.id ? updated : x)));
    } catch (err) {
      if (isApiError(err)) setAlert(err.detail);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div data-testid="me-no-enterprise">
      {requests.length > 0 && (
        <ul className="card join-requests" data-testid="my-join-requests" aria-label="我的加入申请">
          {requests.slice(0, 5).map((r) => (
            <li key={r.id}>
              <span className="join-request-main">
                申请加入 <strong>{r.enterpriseName}</strong>
                <span className="muted small"> · {formatDateTime(r.createdAt)}</span>
              </span>
              <span className={`chip join-status-${r.status.toLowerCase()}`}>{STATUS_LABELS[r.status]}</span>
              {r.status === 'PENDING' && (
                <button type="button" className="btn btn-ghost btn-sm" disabled={busy} onClick={() => cancel(r)}>
                  撤回
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {pending ? (
        <p className="card muted" data-testid="join-pending">
          已提交加入「{pending.enterpriseName}」的申请，等待该企业审核。审核结果会通过消息通知您。
        </p>
      ) : (
        <div className="card me-form">
          <p className="muted">个人账号可以登记所属企业；企业已在平台注册时，申请加入并由该企业的管理账号审核。</p>
          <div className="segmented" role="tablist" aria-label="登记方式">
            <button
              type="button"
              role="tab"
              aria-selected={mode === 'create'}
              className={mode === 'create' ? 'active' : ''}
              onClick={() => {
                setMode('create');
                setAlert(null);
                setErrors({});
              }}
            >
              登记新企业
            </button>
            <button
              type="button"
              role="tab"
              aria-selected={mode === 'join'}
              className={mode === 'join' ? 'active' : ''}
              onClick={() => {
                setMode('join');
                setAlert(null);
                setErrors({});
              }}
            >
              申请加入已注册企业
            </button>
          </div>
          <FormAlert message={alert} />
          {existing && (
            <button
              type="button"
              className="btn btn-gold join-existing"
              disabled={busy}
              onClick={() => join(existing)}
              data-testid="join-existing"
            >
              申请加入该企业
            </button>
          )}
          {mode === 'create' ? (
            <form onSubmit={create} noValidate data-testid="enterprise-form">
              <EnterpriseFields
                value={form}
                onChange={(patch) => {
                  setForm((f) => ({ ...f, ...patch }));
                  setErrors((e) => {
                    const out = { ...e };
                    for (const k of Object.keys(patch)) delete out[`enterprise.${k}`];
                    return out;
                  });
                }}
                errors={errors}
                onBlur={() => undefined}
              />
              <button type="submit" className="btn btn-primary" disabled={busy}>
                {busy ? '提交中…' : '登记企业'}
              </button>
            </form>
          ) : (
            <form
              onSubmit={(ev) => {
                ev.preventDefault();
                void join(joinCode);
              }}
              noValidate
              data-testid="join-form"
            >
              <TextField
                id="join-creditCode"
                label="企业的统一社会信用代码"
                value={joinCode}
                onChange={(v) => {
                  setJoinCode(normaliseCreditCode(v));
                  setErrors({});
                }}
                error={errors['enterprise.creditCode']}
                hint="18 位，见营业执照"
              />
              <button type="submit" className="btn btn-primary" disabled={busy}>
                {busy ? '提交中…' : '提交加入申请'}
              </button>
            </form>
          )}
        </div>
      )}
    </div>
  );
}
