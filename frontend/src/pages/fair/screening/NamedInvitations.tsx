import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { isApiError } from '../../../api/errors';
import { organiserFairApi } from '../../../api/fairScreening';
import type { Invitation, KnownEnterprise } from '../../../api/fairScreening';
import { FormAlert, TextField } from '../../../components/Field';
import { copyText } from '../../../components/share/copyText';
import { formatDateTime } from '../../../lib/format';
import { useNow } from '../../../lib/useNow';
import { STATUS_LABELS } from '../fairLabels';
import { INVITATION_STATE_TEXT, invitationState, namedBody, revocable } from './invitationState';
import type { NamedForm } from './invitationState';

const EMPTY: NamedForm = { picked: null, name: '', phone: '', email: '', days: '14' };

/**
 * 邀请指定企业: one link per enterprise (a known one picked by name, or a name with a phone or an e-mail), shown once,
 * usable once until it expires; the list says who opened it and who registered, and revokes one.
 */
export function NamedInvitations({ fairId }: { fairId: number }) {
  const [items, setItems] = useState<Invitation[]>([]);
  const [form, setForm] = useState<NamedForm>(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [link, setLink] = useState<{ url: string; name: string } | null>(null);
  const [copied, setCopied] = useState(false);
  const [q, setQ] = useState('');
  const [found, setFound] = useState<KnownEnterprise[]>([]);
  const now = useNow(60_000);

  const show = (all: Invitation[]) => setItems(all.filter((i) => i.inviteeName !== null));
  useEffect(() => {
    const ctl = new AbortController();
    organiserFairApi.invitations(fairId, ctl.signal).then(show).catch(() => undefined);
    return () => ctl.abort();
  }, [fairId]);
  useEffect(() => {
    const text = q.trim();
    if (!text) {
      setFound([]);
      return undefined;
    }
    const ctl = new AbortController();
    const timer = setTimeout(() => {
      organiserFairApi.knownEnterprises(fairId, text, ctl.signal).then(setFound).catch(() => undefined);
    }, 250);
    return () => {
      clearTimeout(timer);
      ctl.abort();
    };
  }, [fairId, q]);

  const set = (patch: Partial<NamedForm>) => setForm((f) => ({ ...f, ...patch }));
  const create = async (ev: FormEvent) => {
    ev.preventDefault();
    const checked = namedBody(form);
    if ('errors' in checked) {
      setErrors(checked.errors);
      return;
    }
    try {
      const created = await organiserFairApi.inviteNamed(fairId, checked.body);
      setLink({ url: new URL(created.path, window.location.origin).toString(), name: created.invitation.inviteeName ?? '' });
      setCopied(false);
      setItems((prev) => [created.invitation, ...prev]);
      setForm(EMPTY);
      setQ('');
      setErrors({});
      setAlert(null);
    } catch (e) {
      if (isApiError(e)) {
        setErrors(e.fieldErrors);
        setAlert(e.detail);
      } else setAlert('创建失败，请重试');
    }
  };
  const revoke = async (id: number) => {
    try {
      show(await organiserFairApi.revoke(fairId, id));
    } catch (e) {
      setAlert(isApiError(e) ? e.detail : '撤销失败');
    }
  };

  return (
    <form className="card fair-named-form" onSubmit={create} noValidate data-testid="named-invitations">
      <h2>邀请指定企业</h2>
      <p className="small muted">每家企业一个专属链接，仅可报名一次，过期自动失效；链接只显示一次，请立即复制发给对方。</p>
      {form.picked ? (
        <p className="fair-picked" data-testid="invite-picked">
          已选：<strong>{form.picked.name}</strong>（{form.picked.region}）
          <button type="button" className="btn btn-ghost btn-sm" onClick={() => set({ picked: null })}>改为手动填写</button>
        </p>
      ) : (
        <>
          <TextField id="invite-search" label="从已知企业中选择" optional value={q} onChange={setQ} maxLength={50}
            placeholder="输入企业名称中的字，如：精铸" hint="报名过贵方任一对接会的企业" />
          {found.length > 0 && (
            <ul className="fair-known" data-testid="invite-known">
              {found.map((e) => (
                <li key={e.id}>
                  <button type="button" className="btn btn-ghost btn-sm" onClick={() => { set({ picked: e }); setQ(''); }}>
                    {e.name} · {e.region}
                  </button>
                </li>
              ))}
            </ul>
          )}
          <TextField id="invite-name" label="或填写企业名称" value={form.name} onChange={(v) => set({ name: v })}
            maxLength={100} error={errors.inviteeName} placeholder="如：芜湖某汽车零部件有限公司" />
          <div className="fair-form-row">
            <TextField id="invite-phone" label="联系电话" value={form.phone} onChange={(v) => set({ phone: v })}
              inputMode="tel" maxLength={11} error={errors.contactPhone} hint="电话、邮箱至少填一项" />
            <TextField id="invite-email" label="邮箱" optional value={form.email} onChange={(v) => set({ email: v })}
              maxLength={100} error={errors.contactEmail} />
          </div>
        </>
      )}
      <TextField id="invite-days" label="有效天数" value={form.days} onChange={(v) => set({ days: v })}
        inputMode="numeric" maxLength={2} error={errors.validDays} hint="1–60 天" />
      <button type="submit" className="btn btn-ghost btn-sm" data-testid="invite-named-create">生成专属链接</button>
      <FormAlert message={alert} />
      {link && (
        <div className="fair-actions">
          <span className="small">发给 {link.name}：</span>
          <code className="fair-invite-link" data-testid="invite-named-link">{link.url}</code>
          <button type="button" className="btn btn-primary btn-sm" onClick={() => void copyText(link.url).then(() => setCopied(true))}>
            {copied ? '已复制' : '复制'}
          </button>
        </div>
      )}
      <ul className="fair-history">
        {items.map((i) => {
          const state = invitationState(i, now);
          return (
            <li key={i.id} data-testid="named-invitation" className="fair-named">
              <strong>{i.inviteeName}</strong>
              <span className={`chip invite-${state.toLowerCase()}`}>{INVITATION_STATE_TEXT[state]}</span>
              {i.registered && <span className="small">（{i.registered.enterpriseName} · {STATUS_LABELS[i.registered.status]}）</span>}
              <span className="small muted">
                {[i.contactPhone, i.contactEmail, i.expiresAt && `有效期至 ${formatDateTime(i.expiresAt)}`,
                  i.openedAt && `${formatDateTime(i.openedAt)} 首次打开`].filter(Boolean).join(' · ')}
              </span>
              {revocable(i, now) && (
                <button type="button" className="btn btn-ghost btn-sm" onClick={() => void revoke(i.id)}
                  aria-label={`撤销给 ${i.inviteeName} 的邀请`}>撤销</button>
              )}
            </li>
          );
        })}
      </ul>
    </form>
  );
}
