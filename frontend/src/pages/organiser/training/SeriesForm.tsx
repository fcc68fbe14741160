import { useState } from 'react';
import type { FormEvent } from 'react';
import { isApiError } from '../../../api/errors';
import { fileUrl, uploadFile } from '../../../api/files';
import { organiserTrainingApi } from '../../../api/training';
import type { SeriesDetail } from '../../../api/training';
import { Field, FormAlert, TextField } from '../../../components/Field';
import type { FieldErrors } from '../../../lib/validation';

/** Tags typed as one line: split on commas, 、 or spaces; blanks and repeats dropped. */
export function parseTags(text: string): string[] {
  return [...new Set(text.split(/[,，、\s]+/).map((t) => t.trim()).filter(Boolean))];
}

interface Props {
  /** the series to edit; a new one when absent */
  initial?: SeriesDetail;
  onSaved: (s: SeriesDetail) => void;
  onCancel?: () => void;
}

/** A training series, new or edited: title, audience and tags (such as 专精特新). */
export function SeriesForm({ initial, onSaved, onCancel }: Props) {
  const [title, setTitle] = useState(initial?.title ?? '');
  const [audience, setAudience] = useState(initial?.audience ?? '');
  const [tags, setTags] = useState(initial?.tags.join('，') ?? '');
  const [cover, setCover] = useState<number | null>(initial?.coverFileId ?? null);
  const [uploading, setUploading] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const upload = async (file: File | undefined) => {
    if (!file) return;
    setUploading(true);
    setErrors(({ coverFileId: _, ...rest }) => rest);
    try {
      setCover((await uploadFile(file, 'IMAGE')).id);
    } catch (e) {
      setErrors((prev) => ({ ...prev, coverFileId: isApiError(e) ? e.detail : '上传失败' }));
    } finally {
      setUploading(false);
    }
  };

  const onSubmit = async (ev: FormEvent) => {
    ev.preventDefault();
    const found: FieldErrors = {};
    const list = parseTags(tags);
    if (!title.trim()) found.title = '请填写系列名称';
    if (list.length > 8) found.tags = '最多 8 个标签';
    else if (list.some((t) => t.length > 20)) found.tags = '每个标签最多 20 字';
    setErrors(found);
    setAlert(null);
    if (Object.keys(found).length) return;
    setBusy(true);
    try {
      const body = { title: title.trim(), audience: audience.trim(), tags: list, coverFileId: cover };
      onSaved(initial ? await organiserTrainingApi.updateSeries(initial.id, body) : await organiserTrainingApi.createSeries(body));
      if (!initial) {
        setTitle('');
        setAudience('');
        setTags('');
        setCover(null);
      }
    } catch (e) {
      if (isApiError(e)) {
        const tagError = Object.entries(e.fieldErrors).find(([k]) => k.startsWith('tags'))?.[1];
        setErrors({ ...e.fieldErrors, ...(tagError ? { tags: tagError } : {}) });
        setAlert(e.detail);
      } else {
        setAlert('保存失败');
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card training-form" onSubmit={onSubmit} noValidate data-testid="series-form">
      <h2>{initial ? '修改系列信息' : '新建培训系列'}</h2>
      <TextField id="series-title" label="系列名称" value={title} onChange={setTitle} error={errors.title} maxLength={100}
        placeholder="如：宁夏中小企业高质量发展系列培训" />
      <TextField id="series-audience" label="面向对象" value={audience} onChange={setAudience} error={errors.audience}
        maxLength={200} optional placeholder="如：中小企业负责人、财务人员" />
      <TextField id="series-tags" label="标签" value={tags} onChange={setTags} error={errors.tags} optional
        hint="用逗号或空格分隔，最多 8 个，如：专精特新，政策解读" />
      <Field id="series-cover" label="封面图片" optional error={errors.coverFileId}
        hint={uploading ? '上传中…' : 'JPG、PNG 或 WebP，最大 5 MB'}>
        <input id="series-cover" type="file" accept="image/jpeg,image/png,image/webp"
          onChange={(e) => void upload(e.target.files?.[0])} data-testid="cover-input" />
      </Field>
      {cover && (
        <p className="training-cover-preview">
          <img src={fileUrl(cover)} alt="封面预览" data-testid="cover-preview" />
          <button type="button" className="btn btn-ghost btn-sm" onClick={() => setCover(null)}>移除封面</button>
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy || uploading} data-testid="series-submit">
          {busy ? '保存中…' : initial ? '保存修改' : '创建系列'}
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
