// Orders, flash deals, payments and group-customer quotes (docs/api.md "Showcase — orders").
import { request } from './client';
import { downloadFile } from './download';
import type { Page } from './types';

export type OrderStatus = 'CREATED' | 'PAID' | 'SHIPPED' | 'COMPLETED' | 'CANCELLED';
export type DealStatus = 'UPCOMING' | 'OPEN' | 'SOLD_OUT' | 'ENDED';
export type QuoteStatus = 'REQUESTED' | 'ANSWERED' | 'ACCEPTED' | 'DECLINED' | 'WITHDRAWN' | 'EXPIRED';

export interface Recipient {
  name: string;
  phone: string;
  address: string;
}

export interface Order {
  id: number;
  buyerId: number;
  merchantId: number;
  productId: number;
  productName: string;
  dealId: number | null;
  sessionId: number | null;
  quoteId: number | null;
  quantity: number;
  unitPriceFen: number;
  totalFen: number;
  status: OrderStatus;
  recipientName: string;
  recipientPhone: string;
  address: string;
  paymentMethod: string;
  paymentReference: string | null;
  payBy: string;
  paidAt: string | null;
  shippedAt: string | null;
  carrier: string | null;
  trackingNo: string | null;
  completedAt: string | null;
  cancelledAt: string | null;
  cancelReason: string | null;
  cancelledBy: 'BUYER' | 'MERCHANT' | 'SYSTEM' | null;
  createdAt: string;
}

/** /topic/live/{sessionId}/deals and GET /api/live-sessions/{id}/flash-deal */
export interface FlashDeal {
  id: number;
  sessionId: number;
  productId: number;
  productName: string;
  listPriceFen: number;
  priceFen: number;
  quantity: number;
  perBuyerLimit: number;
  stockLeft: number;
  startsAt: string;
  endsAt: string;
  status: DealStatus;
  at: string;
  /** Units buyers took (after settlement: the quantity less what went back to the product). */
  sold?: number;
}

/** GET /api/flash-deals/{id}/mine: what the signed-in buyer holds of the deal. */
export interface DealHolding {
  dealId: number;
  perBuyerLimit: number;
  bought: number;
  left: number;
  limitReached: boolean;
}

/** /topic/live/{sessionId}/orders */
export interface OrderTickerMessage {
  sessionId: number;
  names: string[];
  count: number;
  text: string;
  at: string;
}

/** /topic/merchant/live/{sessionId}/sales and GET /api/merchant/orders/figures */
export interface SalesFigures {
  sessionId: number;
  orders: number;
  gmvFen: number;
  at: string;
}

export interface PaymentInstructions {
  orderId: number;
  method: string;
  amountFen: number;
  payBy: string;
  title: string;
  text: string;
  redirectUrl: string | null;
  qrCode: string | null;
}

export interface PlaceOrderRequest {
  productId?: number;
  dealId?: number;
  sessionId?: number;
  quantity: number;
  recipient: Recipient;
}

export interface OpenDealRequest {
  sessionId: number;
  productId: number;
  priceFen: number;
  quantity: number;
  perBuyerLimit: number;
  startsAt?: string;
  durationSeconds: number;
}

export interface Quote {
  id: number;
  buyerId: number;
  buyerName: string;
  enterpriseId: number;
  enterpriseName: string;
  merchantId: number;
  productId: number;
  productName: string;
  quantity: number;
  note: string;
  status: QuoteStatus;
  unitPriceFen: number | null;
  totalFen: number | null;
  validUntil: string | null;
  answerNote: string | null;
  answeredAt: string | null;
  createdAt: string;
  orderId: number | null;
}

export interface OrderQuery {
  status?: OrderStatus | '';
  sessionId?: number;
  after?: string | null;
  limit?: number;
}

const id = (n: number) => encodeURIComponent(String(n));

export const ordersApi = {
  /** POST /api/orders with Idempotency-Key → 201 (new) or 200 (repeat of the key) Order */
  place: (body: PlaceOrderRequest, idempotencyKey: string) =>
    request<Order>('/api/orders', { method: 'POST', body, headers: { 'Idempotency-Key': idempotencyKey } }),
  mine: ({ status, after, limit }: OrderQuery = {}, signal?: AbortSignal) =>
    request<Page<Order>>('/api/orders', { query: { status, after, limit }, signal }),
  get: (orderId: number, signal?: AbortSignal) => request<Order>(`/api/orders/${id(orderId)}`, { signal }),
  payment: (orderId: number, signal?: AbortSignal) =>
    request<PaymentInstructions>(`/api/orders/${id(orderId)}/payment`, { signal }),
  cancel: (orderId: number) => request<Order>(`/api/orders/${id(orderId)}/cancel`, { method: 'POST' }),
  confirmReceipt: (orderId: number) =>
    request<Order>(`/api/orders/${id(orderId)}/confirm-receipt`, { method: 'POST' }),
};

export const merchantOrdersApi = {
  list: ({ status, sessionId, after, limit }: OrderQuery = {}, signal?: AbortSignal) =>
    request<Page<Order>>('/api/merchant/orders', { query: { status, sessionId, after, limit }, signal }),
  confirmPayment: (orderId: number, reference: string) =>
    request<Order>(`/api/merchant/orders/${id(orderId)}/confirm-payment`, { method: 'POST', body: { reference } }),
  ship: (orderId: number, carrier: string, trackingNo: string) =>
    request<Order>(`/api/merchant/orders/${id(orderId)}/ship`, { method: 'POST', body: { carrier, trackingNo } }),
  cancel: (orderId: number, reason?: string) =>
    request<Order>(`/api/merchant/orders/${id(orderId)}/cancel`, { method: 'POST', body: { reason } }),
  figures: (sessionId: number, signal?: AbortSignal) =>
    request<SalesFigures>('/api/merchant/orders/figures', { query: { sessionId }, signal }),
};

export const flashDealsApi = {
  open: (body: OpenDealRequest) => request<FlashDeal>('/api/merchant/flash-deals', { method: 'POST', body }),
  ofSession: (sessionId: number, signal?: AbortSignal) =>
    request<FlashDeal[]>('/api/merchant/flash-deals', { query: { sessionId }, signal }),
  /** The session's current deal; undefined when there is none (204). */
  current: (sessionId: number, signal?: AbortSignal) =>
    request<FlashDeal | undefined>(`/api/live-sessions/${id(sessionId)}/flash-deal`, { auth: false, signal }),
  /** What the signed-in buyer already took of the deal (so the card can say 已达限购). */
  mine: (dealId: number, signal?: AbortSignal) =>
    request<DealHolding>(`/api/flash-deals/${id(dealId)}/mine`, { signal }),
};

export const quotesApi = {
  ask: (body: { productId: number; quantity: number; note?: string }) =>
    request<Quote>('/api/quotes', { method: 'POST', body }),
  mine: ({ after, limit }: { after?: string | null; limit?: number } = {}, signal?: AbortSignal) =>
    request<Page<Quote>>('/api/quotes', { query: { after, limit }, signal }),
  accept: (quoteId: number, recipient: Recipient, idempotencyKey: string) =>
    request<Order>(`/api/quotes/${id(quoteId)}/accept`, {
      method: 'POST',
      body: { recipient },
      headers: { 'Idempotency-Key': idempotencyKey },
    }),
  decline: (quoteId: number) => request<Quote>(`/api/quotes/${id(quoteId)}/decline`, { method: 'POST' }),
  withdraw: (quoteId: number) => request<Quote>(`/api/quotes/${id(quoteId)}/withdraw`, { method: 'POST' }),
  incoming: ({ after, limit }: { after?: string | null; limit?: number } = {}, signal?: AbortSignal) =>
    request<Page<Quote>>('/api/merchant/quotes', { query: { after, limit }, signal }),
  answer: (quoteId: number, body: { unitPriceFen: number; validUntil: string; note?: string }) =>
    request<Quote>(`/api/merchant/quotes/${id(quoteId)}/answer`, { method: 'POST', body }),
};

/** Downloads a CSV export (the token goes in a header, so a plain link cannot be used). */
export const downloadCsv = downloadFile;

export const ORDER_STATUS_LABEL: Record<OrderStatus, string> = {
  CREATED: '待付款',
  PAID: '已付款',
  SHIPPED: '已发货',
  COMPLETED: '已完成',
  CANCELLED: '已取消',
};

export const QUOTE_STATUS_LABEL: Record<QuoteStatus, string> = {
  REQUESTED: '待报价',
  ANSWERED: '已报价',
  ACCEPTED: '已接受',
  DECLINED: '已拒绝',
  WITHDRAWN: '已撤回',
  EXPIRED: '已过期',
};

/** The problem type's last segment, e.g. "sold-out" from https://livehall.io/problems/sold-out. */
export function problemCode(type: string | undefined): string {
  return type ? type.substring(type.lastIndexOf('/') + 1) : '';
}
