// Refused SENDs come back on /user/queue/errors as { destination, code, message, receipt-id? } (docs/api.md);
// a refused SEND gets no RECEIPT, its error carries the SEND's receipt id instead.

import { userQueues } from './destinations';

export const ERRORS_DESTINATION = userQueues.errors;

export type RealtimeErrorCode = 'unauthenticated' | 'rate-limited' | 'too-long' | 'invalid' | 'muted' | (string & {});

export interface RealtimeError {
  /** The /app/... destination of the refused SEND. */
  destination: string;
  code: RealtimeErrorCode;
  /** The server's own wording (may be empty). */
  message: string;
  /** The refused SEND's `receipt` header, when it had one. */
  receiptId?: string;
}

export type RealtimeErrorListener = (e: RealtimeError) => void;

/** Reads an error payload defensively; null when it is not one. */
export function toRealtimeError(body: unknown): RealtimeError | null {
  if (!body || typeof body !== 'object') return null;
  const b = body as Record<string, unknown>;
  if (typeof b.code !== 'string') return null;
  return {
    destination: typeof b.destination === 'string' ? b.destination : '',
    code: b.code,
    message: typeof b.message === 'string' ? b.message : '',
    ...(typeof b['receipt-id'] === 'string' ? { receiptId: b['receipt-id'] } : {}),
  };
}

const isChat = (destination: string) => /\/chat$/.test(destination);

/** What to tell the user about a refused SEND. */
export function realtimeErrorText(e: RealtimeError): string {
  switch (e.code) {
    case 'rate-limited':
      return isChat(e.destination) ? '发言太频繁，请稍后再试' : '操作太频繁，请稍后再试';
    case 'too-long':
      return isChat(e.destination) ? '消息太长，最多 200 字' : '内容太长';
    case 'unauthenticated':
      return isChat(e.destination) ? '登录后才能发言' : '请先登录';
    case 'invalid':
      return e.message || '内容不符合要求';
    case 'muted':
      return e.message || '你已被禁言，本场直播内不能发言';
    default:
      return e.message || '操作失败，请稍后再试';
  }
}
