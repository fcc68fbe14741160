import { useState } from 'react';
import type { FormEvent } from 'react';
import { isApiError } from '../../../api/errors';
import { uploadFile } from '../../../api/files';
import { organiserReplayApi, replayKindOf } from '../../../api/trainingReplay';
import type { OrganiserReplay, TrainingReplay } from '../../../api/trainingReplay';
import { Field, FormAlert, TextField } from '../../../components/Field';
import { ChaptersEditor, checkChapters, draftOf } from './ChaptersEditor';
import type { ChapterDraft } from './ChaptersEditor';

const HTTPS_URL = /^https:\/\/[A-Za-z0-9.-]+(:[0-9]{1,5})?([/?#]\S*)?$/;
const MAX_VIDEO_BYTES = 50 * 1024 * 1024;

interface Props {
  sessionId: number;
  initial: TrainingReplay | null;
  onSaved: (r: OrganiserReplay) => void;
}

/**
 * The organiser's replay of an ended session: an https address of an HLS (.m3u8) or MP4 recording, or an MP4 file
 * uploaded here (≤ 50 MB; longer recordings belong on a video CDN, set as an address), and the chapters.
 */
export function ReplayForm({ sessionId, initial, onSaved }: Props) {
  const [source, setSource] = useState<'URL' | 'FILE'>(initial?.source ?? 'URL');
  const [url, setUrl] = useState(initial?.url ?? '');
  const [file, setFile] = useState<{ id: number; name: string } | null>(
    initial?.fileId ? { id: initial.fileId, name: `已上传的视频 #${initial.fileId}` } : null,
  );
  const [chapters, setChapters] = useState<ChapterDraft[]>(() => initial?.chapters.map(draftOf) ?? []);
  const [problems, setProblems] = useState<Record<number, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const [busy, setBusy] = useState(false);

  const upload = async (files: FileList | null) => {
    const f = files?.[0];
    if (!f) return;
    if (f.size > MAX_VIDEO_BYTES) {
      setErrors({ fileId: '视频不能超过 50MB；更长的录像请放在视频点播服务上，填写其地址' });
      return;
    }
    setUploading(true);
    setErrors({});
    try {
      const stored = await uploadFile(f, 'VIDEO');
      setFile({ id: stored.id, name: stored.originalName });
    } catch (e) {
      setErrors({ fileId: isApiError(e) ? e.detail : '上传失败' });
    } finally {
      setUploading(false);
    }
  };

  const onSubmit = async (ev: FormEvent) => {
    ev.preventDefault();
    const found: Record<string, string> = {};
    const address = url.trim();
    if (source === 'URL') {
      // a path on the platform's own host (the demo replay) may stay as it is
      if (!HTTPS_URL.test(address) && address !== initial?.url) found.url = '回放地址需为 https:// 开头的完整网址';
      else if (!replayKindOf(address)) found.url = '回放地址需为 HLS（.m3u8）或 MP4（.mp4）视频地址';
    } else if (!file) {
      found.fileId = '请先上传回放视频';
    }
    const checked = checkChapters(chapters);
    setErrors(found);
    setProblems(checked.problems);
    setAlert(null);
    if (Object.keys(found).length || Object.keys(checked.problems).length) return;
    setBusy(true);
    try {
      const body = source === 'URL' ? { url: address, chapters: checked.chapters } : { fileId: file!.id, chapters: checked.chapters };
      onSaved(await organiserReplayApi.set(sessionId, body));
    } catch (e) {
      if (isApiError(e)) {
        const rows: Record<number, string> = {};
        for (const [field, message] of Object.entries(e.fieldErrors)) {
          const m = /^chapters\[(\d+)\]/.exec(field);
          if (m) rows[Number(m[1])] = message;
        }
        setProblems(rows);
        setErrors(e.fieldErrors);
        setAlert(e.detail);
      } else {
        setAlert('保存失败');
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card training-form replay-form" onSubmit={onSubmit} noValidate data-testid="replay-form">
      <h2>{initial ? '修改回看' : '设置回看'}</h2>
      <div className="replay-source" role="radiogroup" aria-label="回看来源">
        <label>
          <input type="radio" name="replay-source" checked={source === 'URL'} onChange={() => setSource('URL')}
            data-testid="source-url" /> 视频地址
        </label>
        <label>
          <input type="radio" name="replay-source" checked={source === 'FILE'} onChange={() => setSource('FILE')}
            data-testid="source-file" /> 上传视频
        </label>
      </div>
      {source === 'URL' ? (
        <TextField id="replay-url" label="回放地址" value={url} onChange={setUrl} error={errors.url} maxLength={500}
          placeholder="https://…/index.m3u8 或 https://…/video.mp4" hint="HLS（.m3u8）或 MP4（.mp4），https 开头" />
      ) : (
        <Field id="replay-file" label="回放视频" error={errors.fileId}
          hint={uploading ? '上传中…' : file ? `已选：${file.name}` : 'MP4，最大 50MB'}>
          <input id="replay-file" type="file" accept="video/mp4" onChange={(e) => void upload(e.target.files)}
            data-testid="replay-file-input" />
        </Field>
      )}
      <ChaptersEditor value={chapters} onChange={setChapters} problems={problems} />
      {errors.chapters && <p className="field-error" role="alert">{errors.chapters}</p>}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy || uploading} data-testid="replay-submit">
          {busy ? '保存中…' : initial ? '保存回看' : '发布回看'}
        </button>
      </div>
      <FormAlert message={alert} />
    </form>
  );
}
