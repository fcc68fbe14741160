import type { ProblemBody } from './types';

const FALLBACK_DETAIL: Record<number, string> = {
  0: '网络连接失败，请检查网络后重试',
  400: '请求参数有误',
  401: '请先登录',
  403: '没有权限执行此操作',
  404: '请求的内容不存在',
  409: '数据冲突，请检查后重试',
  413: '提交的内容过大',
  429: '操作过于频繁，请稍后再试',
};

function fallbackDetail(status: number): string {
  if (FALLBACK_DETAIL[status]) return FALLBACK_DETAIL[status];
  return status >= 500 ? '服务暂时不可用，请稍后再试' : '请求失败';
}

/** A failed API call, parsed from an RFC 9457 problem response where possible. */
export class ApiError extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string;
  readonly type?: string;
  readonly instance?: string;
  /** field path (e.g. `username`, `enterprise.creditCode`) → message */
  readonly fieldErrors: Record<string, string>;
  /** seconds from a `Retry-After` header (429), or the problem's `retryAfterSeconds` */
  readonly retryAfter?: number;
  /** a failed login (401): attempts left before logins are refused for a while */
  readonly remainingAttempts?: number;

  constructor(init: {
    status: number;
    title?: string;
    detail?: string;
    type?: string;
    instance?: string;
    fieldErrors?: Record<string, string>;
    retryAfter?: number;
    remainingAttempts?: number;
  }) {
    const detail = init.detail || fallbackDetail(init.status);
    super(detail);
    this.name = 'ApiError';
    this.status = init.status;
    this.title = init.title || (init.status ? `HTTP ${init.status}` : 'Network Error');
    this.detail = detail;
    this.type = init.type;
    this.instance = init.instance;
    this.fieldErrors = init.fieldErrors ?? {};
    this.retryAfter = init.retryAfter;
    this.remainingAttempts = init.remainingAttempts;
  }

  get hasFieldErrors(): boolean {
    return Object.keys(this.fieldErrors).length > 0;
  }

  /** Message for `field`, also matching a nested path by its last segment. */
  fieldError(field: string): string | undefined {
    if (this.fieldErrors[field]) return this.fieldErrors[field];
    const last = field.split('.').pop()!;
    return this.fieldErrors[last];
  }

  static network(cause: unknown): ApiError {
    const err = new ApiError({ status: 0 });
    (err as { cause?: unknown }).cause = cause;
    return err;
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

function toFieldErrors(errors: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (Array.isArray(errors)) {
    for (const item of errors) {
      if (item && typeof item === 'object' && 'field' in item) {
        const { field, message } = item as { field: unknown; message?: unknown };
        if (typeof field !== 'string') continue;
        const msg = typeof message === 'string' && message ? message : '格式不正确';
        // Several messages for one field are joined.
        out[field] = out[field] ? `${out[field]}；${msg}` : msg;
      }
    }
  } else if (errors && typeof errors === 'object') {
    // Tolerate a `{ field: message }` map as well.
    for (const [field, message] of Object.entries(errors)) {
      if (typeof message === 'string') out[field] = message;
    }
  }
  return out;
}

function parseRetryAfter(header: string | null): number | undefined {
  if (!header) return undefined;
  const secs = Number(header);
  if (Number.isFinite(secs)) return Math.max(0, Math.round(secs));
  const when = Date.parse(header);
  return Number.isNaN(when) ? undefined : Math.max(0, Math.round((when - Date.now()) / 1000));
}

function finiteNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** Build an ApiError from a non-2xx response, reading a problem+json body if there is one. */
export async function parseErrorResponse(res: Response): Promise<ApiError> {
  const retryAfter = parseRetryAfter(res.headers.get('Retry-After'));
  const contentType = res.headers.get('Content-Type') ?? '';
  let body: ProblemBody | null = null;
  if (contentType.includes('json')) {
    try {
      body = (await res.json()) as ProblemBody;
    } catch {
      body = null;
    }
  }
  return new ApiError({
    status: res.status,
    title: body?.title || res.statusText || undefined,
    detail: body?.detail,
    type: body?.type,
    instance: body?.instance,
    fieldErrors: toFieldErrors(body?.errors),
    retryAfter: retryAfter ?? finiteNumber(body?.retryAfterSeconds),
    remainingAttempts: finiteNumber(body?.remainingAttempts),
  });
}
