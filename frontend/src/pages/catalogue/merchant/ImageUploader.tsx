import { useId, useState } from 'react';
import type { ChangeEvent } from 'react';
import { uploadImage } from '../../../api/catalogue';
import type { ProductImage } from '../../../api/catalogue';
import { isApiError } from '../../../api/errors';
import { imageFileProblem, MAX_IMAGES } from './productForm';

interface Props {
  images: ProductImage[];
  onChange: (images: ProductImage[]) => void;
  error?: string;
}

/** Product images: upload (multipart to /api/files, purpose IMAGE), reorder, remove; the first is the cover. */
export function ImageUploader({ images, onChange, error }: Props) {
  const inputId = useId();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const onPick = async (ev: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(ev.target.files ?? []);
    ev.target.value = '';
    if (files.length === 0) return;
    const room = MAX_IMAGES - images.length;
    if (files.length > room) {
      setProblem(`最多 ${MAX_IMAGES} 张图片，还能添加 ${room} 张`);
      return;
    }
    const bad = files.map(imageFileProblem).find(Boolean);
    if (bad) {
      setProblem(bad);
      return;
    }
    setProblem(null);
    setBusy(true);
    const added: ProductImage[] = [];
    try {
      for (const file of files) {
        const stored = await uploadImage(file);
        added.push({ fileId: stored.id, url: `/api/files/${stored.id}` });
      }
    } catch (e) {
      setProblem(isApiError(e) ? e.fieldError('file') ?? e.detail : '上传失败，请重试');
    } finally {
      setBusy(false);
      if (added.length) onChange([...images, ...added]);
    }
  };

  const move = (from: number, to: number) => {
    const next = [...images];
    const [img] = next.splice(from, 1);
    next.splice(to, 0, img);
    onChange(next);
  };

  const shown = problem ?? error;
  return (
    <div className={`field${shown ? ' field-invalid' : ''}`} data-testid="image-uploader">
      <span className="field-label">商品图片（{images.length}/{MAX_IMAGES}，第一张为封面）</span>
      <ul className="image-list">
        {images.map((img, i) => (
          <li key={img.fileId} className="image-item">
            <img src={img.url} alt={`商品图片 ${i + 1}`} />
            <div className="image-actions">
              <button type="button" aria-label={`第 ${i + 1} 张左移`} disabled={i === 0} onClick={() => move(i, i - 1)}>‹</button>
              <button type="button" aria-label={`删除第 ${i + 1} 张`}
                onClick={() => onChange(images.filter((x) => x.fileId !== img.fileId))}>✕</button>
              <button type="button" aria-label={`第 ${i + 1} 张右移`} disabled={i === images.length - 1}
                onClick={() => move(i, i + 1)}>›</button>
            </div>
          </li>
        ))}
        {images.length < MAX_IMAGES && (
          <li className="image-item image-add">
            <label htmlFor={inputId}>{busy ? '上传中…' : '＋ 添加图片'}</label>
            <input id={inputId} type="file" accept="image/jpeg,image/png,image/webp" multiple disabled={busy}
              onChange={onPick} className="sr-only" data-testid="image-input" />
          </li>
        )}
      </ul>
      {shown ? <p className="field-error" role="alert">{shown}</p>
        : <p className="field-hint">JPEG、PNG 或 WebP，每张不超过 5MB；上架前至少一张。</p>}
    </div>
  );
}
