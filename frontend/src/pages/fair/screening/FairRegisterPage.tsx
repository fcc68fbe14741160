import { useCallback, useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { isApiError } from '../../../api/errors';
import { fairApi } from '../../../api/fairScreening';
import type { FairCard, RegistrationView } from '../../../api/fairScreening';
import { Field, FormAlert, TextField } from '../../../components/Field';
import { formatDateTime } from '../../../lib/format';
import { usePageTitle } from '../../../lib/usePageTitle';
import type { FieldErrors } from '../../../lib/validation';
import { FairNav } from '../FairNav';
import { KIND_LABELS, ROLE_LABELS, STATUS_LABELS, formatRange, rolesFor } from '../fairLabels';
import { EMPTY_FORM, checkQuestionnaire, formOf } from './questionnaire';
import type { QuestionnaireForm } from './questionnaire';

/**
 * /fairs/:id/register[?invite=…] — the enterprise's registration: the questionnaire (摸底), its screening status and
 * history, answering a request for more, withdrawing. An invitation link opens a closed-door fair.
 */
export function FairRegisterPage() {
  const { id = '' } = useParams();
  const fairId = Number(id);
  const [params] = useSearchParams();
  const invite = params.get('invite');
  const [fair, setFair] = useState<FairCard | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [view, setView] = useState<RegistrationView | null>(null);
  const [form, setForm] = useState<QuestionnaireForm>(EMPTY_FORM);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  usePageTitle(fair ? `报名 · ${fair.title}` : '对接会报名');

  const show = useCallback((v: RegistrationView) => {
    setView(v);
    if (v.participant && v.participant.status !== 'WITHDRAWN') setForm(formOf(v.participant));
  }, []);

  useEffect(() => {
    const ctl = new AbortController();
    setAlert(null);
    const card = invite
      ? fairApi.invitation(invite, ctl.signal).then((i) => { setNote(i.note); return i.fair; })
      : fairApi.detail(fairId, ctl.signal).then((d) => d.fair);
    Promise.all([card, fairApi.registration(fairId, invite, ctl.signal)])
      .then(([c, v]) => { setFair(c); show(v); })
      .catch((e: unknown) => {
        if (!ctl.signal.aborted) setAlert(isApiError(e) ? e.detail : '加载失败');
      });
    return () => ctl.abort();
  }, [fairId, invite, show]);

  const p = view?.participant ?? null;
  const registering = !p || p.status === 'WITHDRAWN';
  const editable = registering ? !!view?.registrationOpen : p.status === 'PENDING' || p.status === 'NEEDS_INFO';

  const set = (k: keyof QuestionnaireForm) => (v: string) => setForm((f) => ({ ...f, [k]: v }));

  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    if (!fair) return;
    const checked = checkQuestionnaire(form, fair.kind);
    setErrors(checked.errors);
    setAlert(null);
    if (!checked.body) return;
    setBusy(true);
    try {
      const body = { ...checked.body, invitation: registering ? invite : null };
      show(registering ? await fairApi.register(fairId, body) : await fairApi.update(fairId, body));
    } catch (e) {
      if (isApiError(e)) {
        setErrors(e.fieldErrors);
        setAlert(e.detail);
      } else setAlert('提交失败');
    } finally {
      setBusy(false);
    }
  };

  const withdraw = async () => {
    if (!window.confirm('确定撤回报名？撤回后可在报名截止前重新报名。')) return;
    setBusy(true);
    try {
      show(await fairApi.withdraw(fairId));
      setForm(EMPTY_FORM);
    } catch (e) {
      setAlert(isApiError(e) ? e.detail : '撤回失败');
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="container page narrow fair-register" data-testid="fair-register-page">
      <p className="small"><Link to={fair && !invite ? `/fairs/${fairId}` : '/fairs'}>← {fair && !invite ? '对接会主页' : '全部对接会'}</Link></p>
      {fair && !invite && <FairNav fairId={fairId} kind={fair.kind} />}
      {fair && (
        <>
          <h1>{fair.title}</h1>
          <p className="small muted">{KIND_LABELS[fair.kind]} · {formatDateTime(fair.startsAt)} · {fair.region}</p>
          {note && <p className="small" data-testid="invite-note">您收到了本场对接会的邀请（{note}）。</p>}
        </>
      )}
      <FormAlert message={alert} />
      {view && !view.enterprise && (
        <div className="card" data-testid="enterprise-required">
          <p>您的账号还未关联企业。对接会以企业为单位报名，请先在个人资料中补充企业信息（企业名称、统一社会信用代码等）。</p>
          <Link to="/me" className="btn btn-primary">去补充企业信息</Link>
        </div>
      )}
      {view?.enterprise && p && (
        <div className="card" data-testid="my-registration">
          <p>
            <strong>{p.enterpriseName}</strong> · {ROLE_LABELS[p.role]} ·{' '}
            <span className={`fair-status fair-status-${p.status}`} data-testid="registration-status">{STATUS_LABELS[p.status]}</span>
          </p>
          {p.reason && (p.status === 'NEEDS_INFO' || p.status === 'REJECTED') && (
            <p data-testid="registration-reason">{p.status === 'NEEDS_INFO' ? '主办方需要：' : '原因：'}{p.reason}</p>
          )}
          {p.status === 'APPROVED' && (
            <p><Link to={`/fairs/${fairId}/directory`} className="btn btn-primary btn-sm" data-testid="to-directory">查看参会企业名录</Link></p>
          )}
          {formatRange(p.amountMinFen, p.amountMaxFen) && <p className="small muted">金额：{formatRange(p.amountMinFen, p.amountMaxFen)}</p>}
          {view.history.length > 0 && (
            <ol className="fair-history" aria-label="审核记录">
              {view.history.map((h, i) => (
                <li key={i}>
                  {formatDateTime(h.at)} · {h.by} · {h.from ? `${STATUS_LABELS[h.from]} → ` : ''}{STATUS_LABELS[h.to]}
                  {h.note ? ` · ${h.note}` : ''}
                </li>
              ))}
            </ol>
          )}
          {(p.status === 'PENDING' || p.status === 'NEEDS_INFO' || p.status === 'APPROVED') && (
            <button type="button" className="btn btn-ghost btn-sm" disabled={busy} onClick={() => void withdraw()} data-testid="withdraw">
              撤回报名
            </button>
          )}
        </div>
      )}
      {view?.enterprise && fair && editable && (
        <form className="card fair-form" onSubmit={submit} noValidate data-testid="questionnaire">
          <h2>{registering ? `以「${view.enterprise.name}」报名` : p?.status === 'NEEDS_INFO' ? '补充资料' : '修改报名资料'}</h2>
          <Field id="q-role" label="参会身份" error={errors.role}>
            <div className="chips" role="radiogroup" aria-label="参会身份">
              {rolesFor(fair.kind).map((r) => (
                <button key={r} type="button" role="radio" aria-checked={form.role === r}
                  className={`chip${form.role === r ? ' chip-active' : ''}`} onClick={() => set('role')(r)} data-testid={`role-${r}`}>
                  {ROLE_LABELS[r]}
                </button>
              ))}
            </div>
          </Field>
          <Field id="q-offers" label={fair.kind === 'ROADSHOW' ? '项目或投资方向' : '可提供的产品或服务'} optional error={errors.offers}>
            <textarea id="q-offers" rows={3} maxLength={1000} value={form.offers} onChange={(e) => set('offers')(e.target.value)} />
          </Field>
          <Field id="q-needs" label={fair.kind === 'ROADSHOW' ? '融资需求或关注领域' : '采购或合作需求'} optional error={errors.needs}>
            <textarea id="q-needs" rows={3} maxLength={1000} value={form.needs} onChange={(e) => set('needs')(e.target.value)} />
          </Field>
          <div className="fair-form-row">
            <TextField id="q-min" label="金额下限（万元）" optional inputMode="numeric" value={form.amountMin}
              onChange={set('amountMin')} error={errors.amountMinFen} />
            <TextField id="q-max" label="金额上限（万元）" optional inputMode="numeric" value={form.amountMax}
              onChange={set('amountMax')} error={errors.amountMaxFen} />
          </div>
          <TextField id="q-certs" label="资质认证" optional value={form.certifications} onChange={set('certifications')}
            error={errors.certifications} hint="用顿号或逗号分隔，如：ISO 9001、IATF 16949" />
          <div className="fair-form-row">
            <TextField id="q-contact" label="联系人" value={form.contactName} onChange={set('contactName')} maxLength={40}
              error={errors.contactName} />
            <TextField id="q-phone" label="联系电话" type="tel" inputMode="tel" value={form.contactPhone}
              onChange={set('contactPhone')} maxLength={11} error={errors.contactPhone} hint="仅主办方可见完整号码" />
          </div>
          {p?.status === 'NEEDS_INFO' && (
            <Field id="q-answer" label="补充说明" optional error={errors.answer}>
              <textarea id="q-answer" rows={3} maxLength={500} value={form.answer} onChange={(e) => set('answer')(e.target.value)} />
            </Field>
          )}
          <div className="form-actions">
            <button type="submit" className="btn btn-primary" disabled={busy} data-testid="questionnaire-submit">
              {busy ? '提交中…' : registering ? '提交报名' : p?.status === 'NEEDS_INFO' ? '提交补充资料' : '保存修改'}
            </button>
          </div>
        </form>
      )}
      {view?.enterprise && registering && !view.registrationOpen && <p className="muted">本场对接会当前不接受报名。</p>}
    </section>
  );
}
