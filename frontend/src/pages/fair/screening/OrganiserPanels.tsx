import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { isApiError } from '../../../api/errors';
import { organiserFairApi } from '../../../api/fairScreening';
import type { FairOrganiser, Invitation } from '../../../api/fairScreening';
import { FormAlert, TextField } from '../../../components/Field';
import { copyText } from '../../../components/share/copyText';
import { formatDateTime } from '../../../lib/format';

/** The fair's organisers: the creator and co-organisers (added by username, removed). */
export function CoOrganisers({ fairId, initial }: { fairId: number; initial: FairOrganiser[] }) {
  const [organisers, setOrganisers] = useState(initial);
  const [username, setUsername] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const add = async (ev: FormEvent) => {
    ev.preventDefault();
    if (!username.trim()) {
      setError('请填写用户名');
      return;
    }
    setBusy(true);
    try {
      setOrganisers(await organiserFairApi.addOrganiser(fairId, username.trim()));
      setUsername('');
      setError(undefined);
    } catch (e) {
      setError(isApiError(e) ? e.fieldErrors.username ?? e.detail : '添加失败');
    } finally {
      setBusy(false);
    }
  };
  const remove = async (userId: number) => {
    try {
      setOrganisers(await organiserFairApi.removeOrganiser(fairId, userId));
    } catch (e) {
      setError(isApiError(e) ? e.detail : '移除失败');
    }
  };

  return (
    <form className="card" onSubmit={add} noValidate data-testid="co-organisers">
      <h2>主办方</h2>
      <ul className="fair-history">
        {organisers.map((o) => (
          <li key={o.userId}>
            {o.displayName}（{o.username}）{o.creator ? ' · 创建者' : (
              <button type="button" className="btn btn-ghost btn-sm" onClick={() => void remove(o.userId)}>移除</button>
            )}
          </li>
        ))}
      </ul>
      <TextField id="co-username" label="添加协办主办方（用户名）" value={username} onChange={setUsername} maxLength={32} error={error} />
      <button type="submit" className="btn btn-ghost btn-sm" disabled={busy}>添加</button>
    </form>
  );
}

/** Shared invitation links (many enterprises each): create one (shown once, to copy), list them with their uses, revoke. */
export function Invitations({ fairId }: { fairId: number }) {
  const [items, setItems] = useState<Invitation[]>([]);
  const [note, setNote] = useState('');
  const [uses, setUses] = useState('1');
  const [link, setLink] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const [alert, setAlert] = useState<string | null>(null);

  // the named ones are NamedInvitations'
  const shared = (all: Invitation[]) => setItems(all.filter((i) => i.inviteeName === null));
  useEffect(() => {
    const ctl = new AbortController();
    organiserFairApi.invitations(fairId, ctl.signal).then(shared).catch(() => undefined);
    return () => ctl.abort();
  }, [fairId]);

  const create = async (ev: FormEvent) => {
    ev.preventDefault();
    const n = Number(uses);
    if (!note.trim() || !Number.isInteger(n) || n < 1 || n > 10000) {
      setAlert('请填写邀请对象，可用次数为 1–10000');
      return;
    }
    try {
      const created = await organiserFairApi.invite(fairId, note.trim(), n);
      setLink(new URL(created.path, window.location.origin).toString());
      setCopied(false);
      setItems((prev) => [created.invitation, ...prev]);
      setNote('');
      setAlert(null);
    } catch (e) {
      setAlert(isApiError(e) ? e.detail : '创建失败');
    }
  };
  const revoke = async (id: number) => {
    try {
      shared(await organiserFairApi.revoke(fairId, id));
    } catch (e) {
      setAlert(isApiError(e) ? e.detail : '撤销失败');
    }
  };

  return (
    <form className="card" onSubmit={create} noValidate data-testid="invitations">
      <h2>共享邀请链接</h2>
      <p className="small muted">闭门对接会仅凭邀请链接报名；链接只显示一次，请立即复制发给受邀企业。</p>
      <div className="fair-form-row">
        <TextField id="invite-note" label="邀请对象" value={note} onChange={setNote} maxLength={100} placeholder="如：奇瑞汽车配套企业" />
        <TextField id="invite-uses" label="可用次数" value={uses} onChange={setUses} inputMode="numeric" />
      </div>
      <button type="submit" className="btn btn-ghost btn-sm" data-testid="invite-create">生成链接</button>
      <FormAlert message={alert} />
      {link && (
        <div className="fair-actions">
          <code className="fair-invite-link" data-testid="invite-link">{link}</code>
          <button type="button" className="btn btn-primary btn-sm" onClick={() => void copyText(link).then(() => setCopied(true))}>
            {copied ? '已复制' : '复制'}
          </button>
        </div>
      )}
      <ul className="fair-history">
        {items.map((i) => (
          <li key={i.id} data-testid="invitation">
            {i.note} · 已用 {i.used}/{i.maxUses} · {formatDateTime(i.createdAt)}
            {i.revokedAt ? ' · 已撤销' : (
              <button type="button" className="btn btn-ghost btn-sm" onClick={() => void revoke(i.id)}>撤销</button>
            )}
          </li>
        ))}
      </ul>
    </form>
  );
}
