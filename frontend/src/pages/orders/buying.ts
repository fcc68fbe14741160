// Shared pieces of buying: the remembered recipient, Idempotency-Keys per attempt, refusal texts.
import type { Recipient } from '../../api/orders';
import { ordersApi, problemCode } from '../../api/orders';
import { ApiError } from '../../api/errors';

export const RECIPIENT_KEY = 'livehall.recipient';

export function loadRecipient(): Recipient {
  try {
    const raw = localStorage.getItem(RECIPIENT_KEY);
    if (raw) {
      const r = JSON.parse(raw) as Partial<Recipient>;
      return { name: r.name ?? '', phone: r.phone ?? '', address: r.address ?? '' };
    }
  } catch {
    // a broken entry is ignored
  }
  return { name: '', phone: '', address: '' };
}

export function saveRecipient(r: Recipient): void {
  try {
    localStorage.setItem(RECIPIENT_KEY, JSON.stringify(r));
  } catch {
    // private mode: not remembered
  }
}

/**
 * The recipient of the buyer's newest order on the server (so it follows the account to any device), or null when
 * the account has no order yet or the server cannot be asked; callers fall back to what this device remembers.
 */
export async function lastOrderRecipient(signal?: AbortSignal): Promise<Recipient | null> {
  try {
    const page = await ordersApi.mine({ limit: 1 }, signal);
    const last = page.items[0];
    if (!last) return null;
    return { name: last.recipientName, phone: last.recipientPhone, address: last.address };
  } catch {
    return null;
  }
}

export function newIdempotencyKey(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}-${Math.random().toString(36).slice(2)}`;
}

/**
 * One Idempotency-Key per buy attempt: the same request sent again (a retry after a network error or a 5xx)
 * reuses it, so the server answers with the order it may already have made; a changed request or a definite
 * answer starts a new attempt.
 */
export class BuyAttempt {
  private key: string | null = null;
  private request = '';

  keyFor(request: unknown): string {
    const signature = JSON.stringify(request);
    if (!this.key || signature !== this.request) {
      this.key = newIdempotencyKey();
      this.request = signature;
    }
    return this.key;
  }

  /** After an answer: keep the key only when the outcome is unknown (network error, server error). */
  settle(error?: unknown): void {
    const unknownOutcome = error instanceof ApiError && (error.status === 0 || error.status >= 500);
    if (!unknownOutcome) this.key = null;
  }
}

/** A refusal as the buyer should read it. */
export function buyErrorText(e: unknown, limit?: number): string {
  if (!(e instanceof ApiError)) return '下单失败，请重试';
  switch (problemCode(e.type)) {
    case 'sold-out':
      return e.detail && e.detail !== '已抢光' ? e.detail : '手慢了，已抢光';
    case 'limit-reached':
      return limit ? `每人限购 ${limit} 件，您已达上限` : e.detail;
    case 'deal-ended':
      return '秒杀已结束';
    case 'deal-not-started':
      return '秒杀尚未开始';
    case 'out-of-stock':
      return '库存不足';
    case 'merchant-suspended':
      return '该商家已暂停营业，暂时不能下单';
    case 'own-product':
      return '不能购买自家商品';
    default:
      break;
  }
  if (e.status === 401) return '请先登录后再购买';
  if (e.status === 429) return '操作太频繁，请稍后再试';
  if (e.status === 0) return '网络不稳定，请重试（不会重复下单）';
  if (e.status >= 500) return '系统繁忙，请重试（不会重复下单）';
  return e.detail;
}

const PHONE = /^1[3-9]\d{9}$/;

export function recipientErrors(r: Recipient): Partial<Record<keyof Recipient, string>> {
  const out: Partial<Record<keyof Recipient, string>> = {};
  if (!r.name.trim()) out.name = '请填写收货人';
  else if (r.name.trim().length > 40) out.name = '收货人最多 40 个字';
  if (!PHONE.test(r.phone.trim())) out.phone = '请填写有效的手机号';
  if (!r.address.trim()) out.address = '请填写收货地址';
  else if (r.address.trim().length > 200) out.address = '收货地址最多 200 个字';
  return out;
}
