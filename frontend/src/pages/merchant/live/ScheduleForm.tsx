import { useEffect, useState } from 'react';
import type { ChangeEvent, FormEvent } from 'react';
import { isApiError } from '../../../api/errors';
import { fileUrl, merchantLiveApi, uploadImage } from '../../../api/live';
import type { LiveSessionDetail, ProductOption, ScheduleRequest } from '../../../api/live';
import { Field, FormAlert, TextField } from '../../../components/Field';
import { fromShanghaiInput, toShanghaiInput } from './shanghaiTime';
import { LineupPicker } from './LineupPicker';

interface Props {
  /** Editing this session; a new one when absent. */
  session?: LiveSessionDetail;
  onSaved: (session: LiveSessionDetail) => void;
  onCancel?: () => void;
}

const STREAM_URL = /^(https?|wss?|webrtc):\/\/[A-Za-z0-9.-]+(:\d{1,5})?([/?#]\S*)?$/;

/** Client-side checks mirroring the server's (which stays the judge). */
export function scheduleErrors(r: { title: string; startsAt: string | null; streamUrl: string }, now = Date.now()) {
  const e: Record<string, string> = {};
  if (!r.title.trim()) e.title = '请填写直播标题';
  else if (r.title.trim().length > 100) e.title = '标题最多 100 字';
  if (!r.startsAt) e.startsAt = '请选择开播时间';
  else if (Date.parse(r.startsAt) <= now) e.startsAt = '开播时间需晚于现在';
  if (!r.streamUrl.trim()) e.streamUrl = '请填写直播流地址';
  else if (!STREAM_URL.test(r.streamUrl.trim())) e.streamUrl = '直播流地址需为 http(s)://、ws(s):// 或 webrtc:// 开头的完整地址';
  return e;
}

/** Schedule a session or edit a scheduled one: title, cover upload, start (Asia/Shanghai), stream URL, lineup. */
export function ScheduleForm({ session, onSaved, onCancel }: Props) {
  const [title, setTitle] = useState(session?.title ?? '');
  const [startsAt, setStartsAt] = useState(toShanghaiInput(session?.startsAt));
  const [streamUrl, setStreamUrl] = useState(session?.streamUrl ?? '');
  const [coverFileId, setCoverFileId] = useState<number | null>(session?.coverFileId ?? null);
  const [productIds, setProductIds] = useState<number[]>(session?.lineup.map((p) => p.productId) ?? []);
  const [options, setOptions] = useState<ProductOption[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    const ctl = new AbortController();
    merchantLiveApi
      .products(ctl.signal)
      .then(setOptions)
      .catch((e: unknown) => !ctl.signal.aborted && setAlert(isApiError(e) ? e.detail : '商品加载失败'));
    return () => ctl.abort();
  }, []);

  const onCover = async (ev: ChangeEvent<HTMLInputElement>) => {
    const file = ev.target.files?.[0];
    if (!file) return;
    setUploading(true);
    setErrors(({ coverFileId: _drop, ...rest }) => rest);
    try {
      setCoverFileId((await uploadImage(file)).id);
    } catch (e) {
      setErrors((x) => ({ ...x, coverFileId: isApiError(e) ? (e.fieldError('file') ?? e.detail) : '上传失败' }));
    } finally {
      setUploading(false);
    }
  };

  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    const body: ScheduleRequest = { title: title.trim(), coverFileId, startsAt: fromShanghaiInput(startsAt) ?? '', streamUrl: streamUrl.trim(), productIds };
    const local = scheduleErrors({ ...body, startsAt: body.startsAt || null });
    setErrors(local);
    setAlert(null);
    if (Object.keys(local).length > 0) return;
    setSaving(true);
    try {
      onSaved(session ? await merchantLiveApi.update(session.id, body) : await merchantLiveApi.create(body));
    } catch (e) {
      if (isApiError(e) && e.hasFieldErrors) setErrors(e.fieldErrors);
      setAlert(isApiError(e) ? e.detail : '保存失败，请稍后重试');
    } finally {
      setSaving(false);
    }
  };

  const lineupErrors: Record<number, string> = {};
  for (const [field, message] of Object.entries(errors)) {
    const m = /^productIds\[(\d+)]$/.exec(field);
    if (m) lineupErrors[Number(m[1])] = message;
  }
  const names = Object.fromEntries((session?.lineup ?? []).map((p) => [p.productId, p.name]));

  return (
    <form className="card schedule-form" onSubmit={submit} noValidate data-testid="schedule-form">
      <h2>{session ? '修改直播' : '新建直播'}</h2>
      <TextField id="title" label="直播标题" value={title} onChange={setTitle} error={errors.title} maxLength={100} />
      <Field id="startsAt" label="开播时间（北京时间）" error={errors.startsAt}>
        <input id="startsAt" type="datetime-local" value={startsAt} onChange={(e) => setStartsAt(e.target.value)} aria-invalid={errors.startsAt ? true : undefined} />
      </Field>
      <TextField
        id="streamUrl"
        label="直播流地址"
        value={streamUrl}
        onChange={setStreamUrl}
        error={errors.streamUrl}
        hint="外部推流服务的播放地址：HLS（.m3u8）可在页面内播放，FLV / WebRTC 以链接提供"
        placeholder="https://…/live.m3u8"
      />
      <Field id="cover" label="封面图" optional error={errors.coverFileId} hint="JPEG / PNG / WebP，不超过 5MB">
        <div className="cover-row">
          {coverFileId && <img className="cover-preview" src={fileUrl(coverFileId)} alt="封面预览" data-testid="cover-preview" />}
          <input id="cover" type="file" accept="image/jpeg,image/png,image/webp" onChange={onCover} disabled={uploading} />
          {uploading && <span className="muted small">上传中…</span>}
        </div>
      </Field>
      <Field id="lineup" label="本场商品（按讲解顺序）" error={errors.productIds}>
        <LineupPicker options={options} value={productIds} onChange={setProductIds} errors={lineupErrors} names={names} />
      </Field>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={saving || uploading} data-testid="schedule-submit">
          {saving ? '保存中…' : session ? '保存修改' : '创建直播'}
        </button>
        {onCancel && (
          <button type="button" className="btn btn-ghost" onClick={onCancel}>
            取消
          </button>
        )}
      </div>
      {/* under the buttons: a message appearing moves nothing the user is pointing at */}
      <FormAlert message={alert} />
    </form>
  );
}
