import { isApiError } from '../../../api/errors';

/** The problem's field errors, or its detail under `form`. */
export function problemOf(e: unknown): Record<string, string> {
  if (isApiError(e)) {
    return Object.keys(e.fieldErrors).length > 0 ? e.fieldErrors : { form: e.detail };
  }
  return { form: '网络异常，请稍后重试' };
}
