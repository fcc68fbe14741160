import { getToken } from '../auth/session';
import { parseErrorResponse } from './errors';

/**
 * Downloads a file the API makes for the logged-in user (CSV exports, certificate PDFs): the token goes in a header,
 * so a plain link cannot be used. Rejects with the server's ApiError (e.g. 409 with its Chinese reason).
 */
export async function downloadFile(path: string, filename: string, query: Record<string, string | number | undefined> = {}) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') params.set(k, String(v));
  const qs = params.toString();
  const token = getToken();
  const res = await fetch(qs ? `${path}?${qs}` : path, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  if (!res.ok) throw await parseErrorResponse(res);
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
