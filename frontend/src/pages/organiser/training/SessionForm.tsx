import { useState } from 'react';
import type { FormEvent } from 'react';
import { isApiError } from '../../../api/errors';
import { organiserTrainingApi, uploadMaterial } from '../../../api/training';
import type { SessionDetail } from '../../../api/training';
import { Field, FormAlert, TextField } from '../../../components/Field';
import type { FieldErrors } from '../../../lib/validation';
import { isoToShanghaiInput, shanghaiInputToIso } from '../time';

const STREAM_URL = /^(https?|wss?|webrtc):\/\/[A-Za-z0-9.-]+(:[0-9]{1,5})?([/?#]\S*)?$/;

/** An uploaded material in the form. */
interface Picked {
  id: number;
  name: string;
}

interface Props {
  seriesId: number;
  /** the (scheduled) session to edit; a new one when absent */
  initial?: SessionDetail;
  onSaved: (s: SessionDetail) => void;
  onCancel?: () => void;
}

/** A session of a series, new or edited: title, lecturer, start (Beijing time), duration, stream address, materials. */
export function SessionForm({ seriesId, initial, onSaved, onCancel }: Props) {
  const initialStart = initial ? isoToShanghaiInput(initial.startsAt) : isoToShanghaiInput(new Date(Date.now() + 86_400_000));
  const [title, setTitle] = useState(initial?.title ?? '');
  const [lecturer, setLecturer] = useState(initial?.lecturer ?? '');
  const [startsAt, setStartsAt] = useState(initialStart);
  const [duration, setDuration] = useState(String(initial?.durationMinutes ?? 90));
  const [streamUrl, setStreamUrl] = useState(initial?.streamUrl ?? '');
  const [materials, setMaterials] = useState<Picked[]>(initial?.materials.map((m) => ({ id: m.fileId, name: m.name })) ?? []);
  const [uploading, setUploading] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const upload = async (files: FileList | null) => {
    if (!files || files.length === 0) return;
    setUploading(true);
    setErrors((e) => ({ ...e, materials: '' }));
    try {
      const stored: Picked[] = [];
      for (const f of Array.from(files)) {
        const file = await uploadMaterial(f);
        stored.push({ id: file.id, name: file.originalName });
      }
      setMaterials((m) => [...m, ...stored].slice(0, 20));
    } catch (e) {
      setErrors((prev) => ({ ...prev, materials: isApiError(e) ? e.detail : '上传失败' }));
    } finally {
      setUploading(false);
    }
  };

  const onSubmit = async (ev: FormEvent) => {
    ev.preventDefault();
    const found: FieldErrors = {};
    const start = shanghaiInputToIso(startsAt);
    const minutes = Number(duration);
    if (!title.trim()) found.title = '请填写课程标题';
    if (!lecturer.trim()) found.lecturer = '请填写讲师';
    if (!start) found.startsAt = '请选择开始时间';
    else if (startsAt !== initialStart && Date.parse(start) <= Date.now()) found.startsAt = '开始时间需晚于现在';
    if (!Number.isInteger(minutes) || minutes < 5 || minutes > 720) found.durationMinutes = '时长为 5–720 分钟的整数';
    // a platform path (the demo loop) may stay as it is; a new address must be complete
    if (!STREAM_URL.test(streamUrl.trim()) && streamUrl.trim() !== (initial?.streamUrl ?? null)) found.streamUrl = '直播流地址需为 http(s)://、ws(s):// 或 webrtc:// 开头的完整地址';
    setErrors(found);
    setAlert(null);
    if (Object.keys(found).length) return;
    setBusy(true);
    try {
      const body = {
        title: title.trim(),
        lecturer: lecturer.trim(),
        // unchanged: the exact instant it had (the input shows minutes only)
        startsAt: initial && startsAt === initialStart ? initial.startsAt : start!,
        durationMinutes: minutes,
        streamUrl: streamUrl.trim(),
        materialFileIds: materials.map((m) => m.id),
      };
      onSaved(initial ? await organiserTrainingApi.updateSession(initial.id, body) : await organiserTrainingApi.addSession(seriesId, body));
      if (!initial) {
        setTitle('');
        setMaterials([]);
      }
    } catch (e) {
      if (isApiError(e)) {
        const materialError = Object.entries(e.fieldErrors).find(([k]) => k.startsWith('materialFileIds'))?.[1];
        setErrors({ ...e.fieldErrors, ...(materialError ? { materials: materialError } : {}) });
        setAlert(e.detail);
      } else {
        setAlert('保存失败');
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card training-form" onSubmit={onSubmit} noValidate data-testid={initial ? 'session-edit-form' : 'session-form'}>
      <h2>{initial ? `修改课程：${initial.title}` : '新增课程'}</h2>
      <TextField id="session-title" label="课程标题" value={title} onChange={setTitle} error={errors.title} maxLength={100}
        placeholder="如：政策篇：惠企政策与申报要点" />
      <TextField id="session-lecturer" label="讲师" value={lecturer} onChange={setLecturer} error={errors.lecturer} maxLength={50} />
      <div className="field-row">
        <Field id="session-starts" label="开始时间（北京时间）" error={errors.startsAt}>
          <input id="session-starts" type="datetime-local" value={startsAt} onChange={(e) => setStartsAt(e.target.value)}
            aria-invalid={errors.startsAt ? true : undefined} />
        </Field>
        <Field id="session-duration" label="时长（分钟）" error={errors.durationMinutes}>
          <input id="session-duration" type="number" min={5} max={720} value={duration}
            onChange={(e) => setDuration(e.target.value)} aria-invalid={errors.durationMinutes ? true : undefined} />
        </Field>
      </div>
      <TextField id="session-stream" label="直播流地址" value={streamUrl} onChange={setStreamUrl} error={errors.streamUrl}
        maxLength={500} placeholder="https://…/index.m3u8" />
      <Field id="session-materials" label="课程资料" optional error={errors.materials || undefined}
        hint={uploading ? '上传中…' : 'PDF 或图片，最多 20 份'}>
        <input id="session-materials" type="file" multiple accept="application/pdf,image/png,image/jpeg"
          onChange={(e) => void upload(e.target.files)} data-testid="materials-input" />
      </Field>
      {materials.length > 0 && (
        <ul className="training-material-list" data-testid="material-list">
          {materials.map((m) => (
            <li key={m.id}>
              {m.name}{' '}
              <button type="button" className="btn btn-ghost btn-sm" onClick={() => setMaterials((l) => l.filter((x) => x.id !== m.id))}>
                移除
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy || uploading} data-testid="session-submit">
          {busy ? '保存中…' : initial ? '保存修改' : '添加课程'}
        </button>
        {onCancel && (
          <button type="button" className="btn btn-ghost" onClick={onCancel}>
            取消
          </button>
        )}
      </div>
      <FormAlert message={alert} />
    </form>
  );
}
