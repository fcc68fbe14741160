import type { ApplicationDocument } from '../../api/merchant';
import { DOCUMENT_KIND_LABELS, formatSize } from './labels';
import { openPrivateFile } from './openPrivateFile';

/** Submitted documents: kind, name (opens the file with the user's token), size. */
export function DocumentList({ documents }: { documents: ApplicationDocument[] }) {
  if (documents.length === 0) return <p className="muted">未上传资质文件</p>;
  return (
    <ul className="doc-list" data-testid="document-list">
      {documents.map((d) => (
        <li key={d.fileId}>
          <span className="chip">{DOCUMENT_KIND_LABELS[d.kind] ?? d.kind}</span>
          <a
            href={d.url}
            className="doc-name"
            onClick={(e) => {
              e.preventDefault();
              void openPrivateFile(d.url, d.name);
            }}
          >
            {d.name}
          </a>
          <span className="muted small">{formatSize(d.sizeBytes)}</span>
        </li>
      ))}
    </ul>
  );
}
