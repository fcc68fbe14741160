import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { agreementsApi } from '../../api/merchant';
import type { Agreement, AgreementKind } from '../../api/merchant';
import { isApiError } from '../../api/errors';
import { ConfirmDialog } from '../../components/Dialog';
import { Field, FormAlert, SelectField, TextField } from '../../components/Field';
import { formatDateTime } from '../../lib/format';
import type { FieldErrors } from '../../lib/validation';
import { AGREEMENT_KIND_LABELS, options } from '../merchant/labels';

/** A title without a trailing 「（第 N 版）」: the version is shown next to the title, never inside it. */
export function titleWithoutVersion(title: string): string {
  const stripped = title.trim().replace(/(\s*[（(]\s*第\s*\d+\s*版\s*[)）])+$/u, '');
  return stripped || title.trim();
}

/** The current agreements, and a form to publish the next version of one (every merchant must accept it again). */
export function AgreementPublisher() {
  const [current, setCurrent] = useState<Agreement[]>([]);
  const [kind, setKind] = useState<AgreementKind>('ENTRY_AGREEMENT');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const ctrl = new AbortController();
    agreementsApi.current(ctrl.signal).then(setCurrent).catch(() => undefined);
    return () => ctrl.abort();
  }, []);

  const startFrom = (k: AgreementKind) => {
    setKind(k);
    const a = current.find((x) => x.kind === k);
    if (a) {
      setTitle(titleWithoutVersion(a.title));
      setBody(a.body);
    }
  };

  const [confirming, setConfirming] = useState(false);

  const onSubmit = async (ev: FormEvent) => {
    ev.preventDefault();
    const e: FieldErrors = {};
    if (!title.trim()) e.title = '请填写标题';
    if (!body.trim()) e.body = '请填写正文';
    setErrors(e);
    setAlert(null);
    setDone(null);
    if (Object.keys(e).length) return;
    setConfirming(true);
  };

  const publish = async () => {
    setConfirming(false);
    setBusy(true);
    try {
      const published = await agreementsApi.publish({ kind, title: title.trim(), body });
      setCurrent((list) => list.map((a) => (a.kind === published.kind ? published : a)));
      setDone(`已发布${AGREEMENT_KIND_LABELS[published.kind]}第 ${published.version} 版`);
      setTitle('');
      setBody('');
    } catch (err) {
      if (isApiError(err)) {
        setErrors(err.fieldErrors);
        setAlert(err.detail);
      } else {
        setAlert('发布失败');
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="agreement-publisher" aria-labelledby="publisher-title" data-testid="agreement-publisher">
      <h2 id="publisher-title">入驻协议</h2>
      <ul className="plain-list">
        {current.map((a) => (
          <li key={a.id} className="card agreement-summary">
            <strong>{a.title}</strong>
            <span className="muted small">
              {AGREEMENT_KIND_LABELS[a.kind]} · 第 {a.version} 版 · {formatDateTime(a.publishedAt)} 发布 · 摘要{' '}
              <code title={a.textSha256}>{a.textSha256.slice(0, 12)}…</code>
            </span>
            <button type="button" className="btn btn-ghost btn-sm" onClick={() => startFrom(a.kind)}>
              基于此版本修订
            </button>
          </li>
        ))}
      </ul>
      <form className="card" onSubmit={onSubmit} noValidate>
        <h3>发布新版本</h3>
        <FormAlert message={alert} />
        {done && <p className="notice-text ok" role="status">{done}</p>}
        <SelectField<AgreementKind> id="agreement-kind" label="协议类型" value={kind} onChange={setKind}
          options={options(AGREEMENT_KIND_LABELS)} />
        <TextField id="agreement-title" label="标题" value={title} onChange={setTitle} error={errors.title}
          maxLength={100} hint="只写协议名称，版本号由系统自动标注" />
        <Field id="agreement-body" label="正文" error={errors.body} hint="版本号自动递增，文本摘要由服务器计算">
          <textarea id="agreement-body" rows={10} maxLength={20000} value={body}
            onChange={(e) => setBody(e.target.value)} />
        </Field>
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? '发布中…' : '发布'}
        </button>
      </form>
      {confirming && (
        <ConfirmDialog
          title="发布新版本"
          message="发布后所有商家须重新签署该协议才能继续上架和开播，确定发布吗？"
          confirmLabel="发布"
          onCancel={() => setConfirming(false)}
          onConfirm={() => void publish()}
        />
      )}
    </section>
  );
}
