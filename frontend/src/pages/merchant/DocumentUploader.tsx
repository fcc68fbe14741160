import { useRef, useState } from 'react';
import { uploadDocument } from '../../api/merchant';
import type { DocumentKind } from '../../api/merchant';
import { isApiError } from '../../api/errors';
import type { FieldErrors } from '../../lib/validation';
import type { DocumentItem } from './applicationForm';
import { documentFileProblem, MAX_DOCUMENTS } from './applicationForm';
import { DOCUMENT_KIND_LABELS, formatSize, options } from './labels';

interface Props {
  documents: DocumentItem[];
  onChange: (documents: DocumentItem[]) => void;
  /** `documents` and `documents[i].kind` / `documents[i].fileId` messages */
  errors: FieldErrors;
}

const KIND_OPTIONS = options(DOCUMENT_KIND_LABELS);

/** Uploads qualification documents one by one (POST /api/files, DOCUMENT) and lets the applicant name their kind. */
export function DocumentUploader({ documents, onChange, errors }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const [uploading, setUploading] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const onFiles = async (files: FileList | null) => {
    if (!files || files.length === 0) return;
    setProblem(null);
    let list = documents;
    for (const file of Array.from(files)) {
      if (list.length >= MAX_DOCUMENTS) {
        setProblem(`资质文件不能超过 ${MAX_DOCUMENTS} 个`);
        break;
      }
      const bad = documentFileProblem(file);
      if (bad) {
        setProblem(`${file.name}：${bad}`);
        continue;
      }
      setUploading(file.name);
      try {
        const stored = await uploadDocument(file);
        // The first document is most likely the licence: preselect it while none is marked.
        const kind: DocumentKind | '' = list.some((d) => d.kind === 'BUSINESS_LICENSE') ? '' : 'BUSINESS_LICENSE';
        list = [...list, { fileId: stored.id, kind, name: stored.originalName, sizeBytes: stored.sizeBytes }];
        onChange(list);
      } catch (e) {
        setProblem(`${file.name}：${isApiError(e) ? (e.fieldError('file') ?? e.detail) : '上传失败'}`);
      }
    }
    setUploading(null);
    if (input.current) input.current.value = '';
  };

  const setKind = (i: number, kind: DocumentKind) =>
    onChange(documents.map((d, j) => (j === i ? { ...d, kind } : d)));
  const remove = (i: number) => onChange(documents.filter((_, j) => j !== i));

  return (
    <fieldset className={`doc-uploader${errors.documents ? ' field-invalid' : ''}`} data-testid="document-uploader">
      <legend>资质文件</legend>
      <p className="field-hint">须包含营业执照；PDF、JPG、PNG，每个不超过 10MB。</p>
      {documents.length > 0 && (
        <ul className="doc-list editable">
          {documents.map((d, i) => {
            const err = errors[`documents[${i}].kind`] ?? errors[`documents[${i}].fileId`];
            return (
              <li key={d.fileId} data-testid={`doc-${i}`}>
                <div className="doc-file">
                  <span className="doc-name">{d.name}</span>
                  <span className="muted small">{formatSize(d.sizeBytes)}</span>
                </div>
                <label className="sr-only" htmlFor={`doc-kind-${i}`}>
                  {d.name} 的文件类型
                </label>
                <select
                  id={`doc-kind-${i}`}
                  value={d.kind}
                  onChange={(e) => setKind(i, e.target.value as DocumentKind)}
                  aria-invalid={err ? true : undefined}
                >
                  <option value="" disabled>
                    选择文件类型
                  </option>
                  {KIND_OPTIONS.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </select>
                <button type="button" className="btn btn-ghost btn-sm" onClick={() => remove(i)}>
                  移除
                </button>
                {err && (
                  <p className="field-error" role="alert">
                    {err}
                  </p>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <label className="btn btn-gold btn-sm upload-button">
        {uploading ? `正在上传 ${uploading}…` : '上传文件'}
        <input
          ref={input}
          type="file"
          accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
          multiple
          disabled={!!uploading}
          onChange={(e) => void onFiles(e.target.files)}
          className="sr-only"
          data-testid="document-input"
        />
      </label>
      <p className="field-error field-message" role="alert" data-testid="error-documents">
        {problem ?? errors.documents ?? ''}
      </p>
    </fieldset>
  );
}
