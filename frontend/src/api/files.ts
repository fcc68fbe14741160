// Uploads: POST /api/files (multipart: file + purpose) and the URL of a stored file (docs/api.md "Files").
import { clearSession, getToken } from '../auth/session';
import { ApiError, parseErrorResponse } from './errors';

export type FilePurpose = 'IMAGE' | 'DOCUMENT' | 'VIDEO';

/** POST /api/files answer. */
export interface StoredFile {
  id: number;
  ownerId: number;
  purpose: FilePurpose;
  originalName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  createdAt: string;
}

/** URL of an uploaded file (images are public; documents need their uploader's or an organiser's token). */
export const fileUrl = (id: number) => `/api/files/${encodeURIComponent(String(id))}`;

/**
 * Uploads one file (images ≤ 5 MB: JPEG/PNG/WebP; documents ≤ 10 MB: PDF/JPEG/PNG; videos ≤ 50 MB: MP4, organisers). The JSON client cannot send
 * forms, so this posts the multipart body itself; it rejects with ApiError like `request` (and drops the session
 * on 401), or with the AbortError when `signal` aborts.
 */
export async function uploadFile(file: File, purpose: FilePurpose, signal?: AbortSignal): Promise<StoredFile> {
  const form = new FormData();
  form.append('file', file, file.name);
  form.append('purpose', purpose);
  const headers: Record<string, string> = { Accept: 'application/json' };
  const token = getToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  let res: Response;
  try {
    res = await fetch('/api/files', { method: 'POST', headers, body: form, signal });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw ApiError.network(e);
  }
  if (!res.ok) {
    const err = await parseErrorResponse(res);
    if (res.status === 401) clearSession();
    throw err;
  }
  return (await res.json()) as StoredFile;
}
