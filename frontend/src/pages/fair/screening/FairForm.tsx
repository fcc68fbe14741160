import { useState } from 'react';
import type { FormEvent } from 'react';
import { isApiError } from '../../../api/errors';
import { fileUrl, uploadFile } from '../../../api/files';
import { organiserFairApi } from '../../../api/fairScreening';
import type { FairDetail, FairKind, FairMode, FairVisibility } from '../../../api/fairScreening';
import { Field, FormAlert, SelectField, TextField } from '../../../components/Field';
import type { FieldErrors } from '../../../lib/validation';
import { KIND_LABELS, MODE_LABELS } from '../fairLabels';
import { NEW_FAIR, checkFair, valuesOf } from './fairForm';
import type { AgendaRow, FairFormValues } from './fairForm';

interface Props {
  initial?: FairDetail;
  onSaved: (d: FairDetail) => void;
  onCancel?: () => void;
}

const opts = <V extends string>(labels: Record<V, string>) =>
  (Object.keys(labels) as V[]).map((value) => ({ value, label: labels[value] }));

/** A fair, new (a draft) or edited: kind, mode, visibility, period, place, capacity, summary, cover, agenda. */
export function FairForm({ initial, onSaved, onCancel }: Props) {
  const [v, setV] = useState<FairFormValues>(initial ? valuesOf(initial) : NEW_FAIR);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [uploading, setUploading] = useState(false);
  const set = <K extends keyof FairFormValues>(k: K) => (value: FairFormValues[K]) => setV((p) => ({ ...p, [k]: value }));
  const setRow = (i: number, k: keyof AgendaRow, value: string) =>
    setV((p) => ({ ...p, agenda: p.agenda.map((a, j) => (j === i ? { ...a, [k]: value } : a)) }));

  const upload = async (file: File | undefined) => {
    if (!file) return;
    setUploading(true);
    try {
      set('coverFileId')((await uploadFile(file, 'IMAGE')).id);
    } catch (e) {
      setErrors((p) => ({ ...p, coverFileId: isApiError(e) ? e.detail : '上传失败' }));
    } finally {
      setUploading(false);
    }
  };

  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    const checked = checkFair(v);
    setErrors(checked.errors);
    setAlert(Object.keys(checked.errors).length ? '请检查标红的项目' : null);
    if (!checked.body) return;
    setBusy(true);
    try {
      onSaved(initial ? await organiserFairApi.update(initial.fair.id, checked.body) : await organiserFairApi.create(checked.body));
    } catch (e) {
      if (isApiError(e)) {
        setErrors(e.fieldErrors);
        setAlert(e.detail);
      } else setAlert('保存失败');
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card fair-form" onSubmit={submit} noValidate data-testid="fair-form">
      <h2>{initial ? '修改对接会' : '新建对接会'}</h2>
      <TextField id="fair-title" label="名称" value={v.title} onChange={set('title')} maxLength={100} error={errors.title}
        placeholder="如：2026安徽省中小企业采购对接暨商机发布会" />
      <div className="fair-form-row">
        <SelectField<FairKind> id="fair-kind" label="类型" value={v.kind} onChange={set('kind')} options={opts(KIND_LABELS)} error={errors.kind} />
        <SelectField<FairMode> id="fair-mode" label="举办方式" value={v.mode} onChange={set('mode')} options={opts(MODE_LABELS)} error={errors.mode} />
        <SelectField<FairVisibility> id="fair-visibility" label="公开范围" value={v.visibility} onChange={set('visibility')}
          options={[{ value: 'PUBLIC', label: '公开（所有人可见）' }, { value: 'CLOSED', label: '闭门（仅受邀企业）' }]} error={errors.visibility} />
      </div>
      <div className="fair-form-row">
        <Field id="fair-starts" label="开始时间（北京时间）" error={errors.startsAt}>
          <input id="fair-starts" type="datetime-local" value={v.startsAt} onChange={(e) => set('startsAt')(e.target.value)} />
        </Field>
        <Field id="fair-ends" label="结束时间（北京时间）" error={errors.endsAt}>
          <input id="fair-ends" type="datetime-local" value={v.endsAt} onChange={(e) => set('endsAt')(e.target.value)} />
        </Field>
      </div>
      <div className="fair-form-row">
        <TextField id="fair-region" label="地区" value={v.region} onChange={set('region')} maxLength={60} error={errors.region}
          placeholder="如：安徽省合肥市" />
        <TextField id="fair-venue" label="会场" value={v.venue} onChange={set('venue')} maxLength={200} error={errors.venue}
          optional={v.mode === 'ONLINE'} placeholder="如：合肥滨湖国际会展中心" />
        <TextField id="fair-capacity" label="名额（家）" value={v.capacity} onChange={set('capacity')} inputMode="numeric"
          error={errors.capacity} hint="最多通过的企业数" />
      </div>
      <Field id="fair-summary" label="简介" optional error={errors.summary}>
        <textarea id="fair-summary" rows={4} maxLength={4000} value={v.summary} onChange={(e) => set('summary')(e.target.value)} />
      </Field>
      <Field id="fair-cover" label="封面图片" optional error={errors.coverFileId} hint={uploading ? '上传中…' : 'JPG、PNG 或 WebP'}>
        <input id="fair-cover" type="file" accept="image/jpeg,image/png,image/webp" onChange={(e) => void upload(e.target.files?.[0])} />
      </Field>
      {v.coverFileId && (
        <p className="training-cover-preview">
          <img src={fileUrl(v.coverFileId)} alt="封面预览" />
          <button type="button" className="btn btn-ghost btn-sm" onClick={() => set('coverFileId')(null)}>移除封面</button>
        </p>
      )}
      <h3>议程</h3>
      {v.agenda.map((a, i) => (
        <div key={i} className="fair-agenda-edit" data-testid="agenda-row">
          <div className="fair-form-row">
            <Field id={`agenda-${i}-starts`} label="开始" error={errors[`agenda[${i}].startsAt`]}>
              <input id={`agenda-${i}-starts`} type="datetime-local" value={a.startsAt} onChange={(e) => setRow(i, 'startsAt', e.target.value)} />
            </Field>
            <Field id={`agenda-${i}-ends`} label="结束" optional error={errors[`agenda[${i}].endsAt`]}>
              <input id={`agenda-${i}-ends`} type="datetime-local" value={a.endsAt} onChange={(e) => setRow(i, 'endsAt', e.target.value)} />
            </Field>
          </div>
          <TextField id={`agenda-${i}-title`} label="议程" value={a.title} onChange={(x) => setRow(i, 'title', x)} maxLength={100}
            error={errors[`agenda[${i}].title`]} />
          <div className="fair-form-row">
            <TextField id={`agenda-${i}-place`} label="地点" optional value={a.place} onChange={(x) => setRow(i, 'place', x)} maxLength={100}
              error={errors[`agenda[${i}].place`]} />
            <TextField id={`agenda-${i}-speaker`} label="嘉宾" optional value={a.speaker} onChange={(x) => setRow(i, 'speaker', x)} maxLength={100}
              error={errors[`agenda[${i}].speaker`]} />
          </div>
          <button type="button" className="btn btn-ghost btn-sm"
            onClick={() => setV((p) => ({ ...p, agenda: p.agenda.filter((_, j) => j !== i) }))}>删除此项</button>
        </div>
      ))}
      {v.agenda.length < 50 && (
        <p><button type="button" className="btn btn-ghost btn-sm" data-testid="agenda-add"
          onClick={() => setV((p) => ({ ...p, agenda: [...p.agenda, { startsAt: p.agenda.at(-1)?.endsAt || p.startsAt, endsAt: '', title: '', place: '', speaker: '' }] }))}>
          ＋ 添加议程
        </button></p>
      )}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy || uploading} data-testid="fair-submit">
          {busy ? '保存中…' : initial ? '保存修改' : '创建草稿'}
        </button>
        {onCancel && <button type="button" className="btn btn-ghost" onClick={onCancel}>取消</button>}
      </div>
      <FormAlert message={alert} />
    </form>
  );
}
