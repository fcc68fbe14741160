import { useState } from 'react';
import type { FormEvent } from 'react';
import { roundsApi } from '../../api/merchant';
import type { SelectionRound } from '../../api/merchant';
import { isApiError } from '../../api/errors';
import { Field, FormAlert, TextField } from '../../components/Field';
import type { FieldErrors } from '../../lib/validation';
import { isoToShanghaiInput, shanghaiInputToIso } from './time';

interface Props {
  onCreated: (round: SelectionRound) => void;
  onCancel: () => void;
}

/** A new selection round: name, quota and the window (Beijing time) in which applications are accepted. */
export function CreateRoundForm({ onCreated, onCancel }: Props) {
  const now = new Date();
  const [name, setName] = useState('');
  const [quota, setQuota] = useState('20');
  const [opensAt, setOpensAt] = useState(isoToShanghaiInput(now));
  const [closesAt, setClosesAt] = useState(isoToShanghaiInput(new Date(now.getTime() + 30 * 86_400_000)));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const validate = (): FieldErrors => {
    const e: FieldErrors = {};
    if (!name.trim()) e.name = '请填写批次名称';
    const q = Number(quota);
    if (!Number.isInteger(q) || q < 1 || q > 10000) e.quota = '名额为 1-10000 的整数';
    const opens = shanghaiInputToIso(opensAt);
    const closes = shanghaiInputToIso(closesAt);
    if (!opens) e.opensAt = '请填写开始时间';
    if (!closes) e.closesAt = '请填写截止时间';
    else if (opens && closes <= opens) e.closesAt = '截止时间需晚于开始时间';
    return e;
  };

  const onSubmit = async (ev: FormEvent) => {
    ev.preventDefault();
    const found = validate();
    setErrors(found);
    setAlert(null);
    if (Object.keys(found).length) return;
    setBusy(true);
    try {
      onCreated(await roundsApi.create({
        name: name.trim(),
        quota: Number(quota),
        opensAt: shanghaiInputToIso(opensAt)!,
        closesAt: shanghaiInputToIso(closesAt)!,
      }));
    } catch (e) {
      if (isApiError(e)) {
        setErrors(e.fieldErrors);
        setAlert(e.detail);
      } else {
        setAlert('创建失败');
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card create-round" onSubmit={onSubmit} noValidate data-testid="create-round">
      <FormAlert message={alert} />
      <TextField id="round-name" label="批次名称" value={name} onChange={setName} error={errors.name}
        maxLength={100} placeholder="如 2026 年第一批入驻遴选" />
      <Field id="round-quota" label="入选名额" error={errors.quota}>
        <input id="round-quota" type="number" min={1} max={10000} value={quota}
          onChange={(e) => setQuota(e.target.value)} aria-invalid={errors.quota ? true : undefined} />
      </Field>
      <div className="field-row">
        <Field id="round-opens" label="开始时间（北京时间）" error={errors.opensAt}>
          <input id="round-opens" type="datetime-local" value={opensAt} onChange={(e) => setOpensAt(e.target.value)} />
        </Field>
        <Field id="round-closes" label="截止时间（北京时间）" error={errors.closesAt}>
          <input id="round-closes" type="datetime-local" value={closesAt}
            onChange={(e) => setClosesAt(e.target.value)} />
        </Field>
      </div>
      <div className="form-actions">
        <button type="button" className="btn btn-ghost" onClick={onCancel}>
          取消
        </button>
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? '创建中…' : '创建批次'}
        </button>
      </div>
    </form>
  );
}
