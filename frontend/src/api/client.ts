import { clearSession, getToken } from '../auth/session';
import { ApiError, parseErrorResponse } from './errors';

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  /** Attach the Bearer token; a 401 then clears the stored session. Default true. */
  auth?: boolean;
  query?: Record<string, string | number | null | undefined>;
  signal?: AbortSignal;
  headers?: Record<string, string>;
  /** Let the request outlive the page (a last report on pagehide). */
  keepalive?: boolean;
}

function withQuery(path: string, query?: RequestOptions['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/** Call the Live Hall API. Resolves with the JSON body (undefined for 204); rejects with ApiError. */
export async function request<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const { method = 'GET', body, auth = true, query, signal } = opts;
  const headers: Record<string, string> = { Accept: 'application/json', ...opts.headers };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const token = auth ? getToken() : null;
  if (token) headers.Authorization = `Bearer ${token}`;

  let res: Response;
  try {
    res = await fetch(withQuery(path, query), {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
      keepalive: opts.keepalive || undefined,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw ApiError.network(e);
  }

  if (!res.ok) {
    const err = await parseErrorResponse(res);
    // only if the refused token is still the stored one: a fresh token (a password change) is not undone by a
    // request that left with the old one
    if (auth && res.status === 401 && getToken() === token) clearSession();
    throw err;
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}
