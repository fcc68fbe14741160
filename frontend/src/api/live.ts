// Live sessions (docs/api.md "Showcase — live sessions"): the public schedule and rooms, "remind me",
// and the merchant console's calls. Types mirror the server's answers.
import { request } from './client';
import { uploadFile } from './files';
export type { StoredFile } from './files';
import type { Page } from './types';

export type LiveStatus = 'SCHEDULED' | 'LIVE' | 'ENDED' | 'CANCELLED';
/** How the room plays the stream: HLS in the page; FLV, WebRTC and others as a link. */
export type StreamKind = 'HLS' | 'FLV' | 'WEBRTC' | 'OTHER';

export const LIVE_STATUS_LABELS: Record<LiveStatus, string> = {
  SCHEDULED: '未开播',
  LIVE: '直播中',
  ENDED: '已结束',
  CANCELLED: '已取消',
};

export interface SessionMerchant {
  id: number;
  name: string;
}

/** A session in the schedule or the merchant's list. */
export interface LiveSessionCard {
  id: number;
  title: string;
  coverFileId: number | null;
  startsAt: string;
  status: LiveStatus;
  startedAt: string | null;
  endedAt: string | null;
  merchant: SessionMerchant;
  productCount: number;
  reminderCount: number;
  reminded: boolean;
}

export interface LineupItem {
  productId: number;
  name: string;
  priceFen: number;
  coverFileId: number | null;
  onSale: boolean;
}

/** /topic/live/{id}/pinned (null when nothing is pinned) and `pinned` of a session. */
export interface PinnedProduct {
  sessionId: number;
  productId: number;
  name: string;
  priceFen: number;
  coverFileId: number | null;
}

export interface ViewerFigures {
  now: number;
  peak: number;
  unique: number;
  watchSeconds: number;
}

export interface LiveSessionDetail {
  id: number;
  title: string;
  coverFileId: number | null;
  startsAt: string;
  streamUrl: string;
  streamKind: StreamKind;
  status: LiveStatus;
  startedAt: string | null;
  endedAt: string | null;
  merchant: SessionMerchant;
  lineup: LineupItem[];
  pinned: PinnedProduct | null;
  viewers: ViewerFigures;
  reminderCount: number;
  reminded: boolean;
}

/** /topic/live/{id}/status */
export interface LiveStatusEvent {
  sessionId: number;
  status: LiveStatus;
  startedAt: string | null;
  endedAt: string | null;
}

export interface ReminderState {
  sessionId: number;
  reminded: boolean;
  reminderCount: number;
}

export interface ScheduleRequest {
  title: string;
  coverFileId: number | null;
  startsAt: string;
  streamUrl: string;
  productIds: number[];
}

/** A product the merchant may put in a lineup (its on-sale products). */
export interface ProductOption {
  id: number;
  merchantId: number;
  name: string;
  priceFen: number;
  status: string;
  coverFileId: number | null;
}

export { fileUrl } from './files';

const one = (id: number) => `/api/live-sessions/${encodeURIComponent(String(id))}`;
const mine = (id: number) => `/api/merchant/live-sessions/${encodeURIComponent(String(id))}`;

export const liveApi = {
  /** GET /api/live-sessions?after=&limit= → live and upcoming sessions by start time */
  schedule: (after?: string | null, limit?: number, signal?: AbortSignal) =>
    request<Page<LiveSessionCard>>('/api/live-sessions', { query: { after, limit }, signal }),
  /** GET /api/live-sessions/{id} */
  get: (id: number, signal?: AbortSignal) => request<LiveSessionDetail>(one(id), { signal }),
  /** POST /api/live-sessions/{id}/reminder (logged in; scheduled sessions only) */
  remind: (id: number) => request<ReminderState>(`${one(id)}/reminder`, { method: 'POST' }),
  /** DELETE /api/live-sessions/{id}/reminder */
  forget: (id: number) => request<ReminderState>(`${one(id)}/reminder`, { method: 'DELETE' }),
};

export const merchantLiveApi = {
  list: (after?: string | null, signal?: AbortSignal, limit = 20) =>
    request<Page<LiveSessionCard>>('/api/merchant/live-sessions', { query: { after, limit }, signal }),
  get: (id: number, signal?: AbortSignal) => request<LiveSessionDetail>(mine(id), { signal }),
  products: (signal?: AbortSignal) => request<ProductOption[]>('/api/merchant/live-sessions/products', { signal }),
  create: (body: ScheduleRequest) => request<LiveSessionDetail>('/api/merchant/live-sessions', { method: 'POST', body }),
  update: (id: number, body: ScheduleRequest) => request<LiveSessionDetail>(mine(id), { method: 'PUT', body }),
  cancel: (id: number) => request<LiveSessionDetail>(`${mine(id)}/cancel`, { method: 'POST' }),
  start: (id: number) => request<LiveSessionDetail>(`${mine(id)}/start`, { method: 'POST' }),
  end: (id: number) => request<LiveSessionDetail>(`${mine(id)}/end`, { method: 'POST' }),
  pin: (id: number, productId: number) =>
    request<PinnedProduct>(`${mine(id)}/pinned`, { method: 'PUT', body: { productId } }),
  unpin: (id: number) => request<void>(`${mine(id)}/pinned`, { method: 'DELETE' }),
  /** PUT the lineup's product ids in a new order (scheduled or live sessions). */
  reorder: (id: number, productIds: number[]) =>
    request<LiveSessionDetail>(`${mine(id)}/lineup`, { method: 'PUT', body: { productIds } }),
};

/** A user muted in one session's chat. */
export interface ChatMute {
  userId: number;
  displayName: string;
  mutedAt: string;
}

const moderation = (id: number) => `/api/live-sessions/${encodeURIComponent(String(id))}/moderation`;

/** Chat moderation of a live room, for its merchant and organisers. */
export const chatModerationApi = {
  /** Hide a line (its id is the chat MESSAGE's stream id): gone for everyone, also from replay. */
  hide: (sessionId: number, messageId: string) =>
    request<void>(`${moderation(sessionId)}/hidden`, { method: 'POST', body: { messageId } }),
  mutes: (sessionId: number, signal?: AbortSignal) => request<ChatMute[]>(`${moderation(sessionId)}/mutes`, { signal }),
  mute: (sessionId: number, userId: number | string) =>
    request<ChatMute>(`${moderation(sessionId)}/mutes/${encodeURIComponent(String(userId))}`, { method: 'PUT' }),
  unmute: (sessionId: number, userId: number | string) =>
    request<void>(`${moderation(sessionId)}/mutes/${encodeURIComponent(String(userId))}`, { method: 'DELETE' }),
};

/** POST /api/files with purpose IMAGE (a cover picture). */
export const uploadImage = (file: File) => uploadFile(file, 'IMAGE');

// After the live (docs/api.md "Showcase — after the live"): 往期直播, an ended room's offer, the replay link.

/** What an ended session kept and everyone may see: audience figures, likes and orders at its end (not its GMV). */
export interface PastFigures {
  peak: number;
  unique: number;
  watchSeconds: number;
  likes: number;
  orders: number;
}

/** An ended session under 往期直播. */
export interface PastSessionCard {
  id: number;
  title: string;
  coverFileId: number | null;
  startedAt: string;
  endedAt: string;
  merchant: SessionMerchant;
  productCount: number;
  figures: PastFigures;
  replayUrl: string | null;
}

/** The merchant's session live now, or its next scheduled one. */
export interface NextSession {
  id: number;
  title: string;
  coverFileId: number | null;
  startsAt: string;
  status: LiveStatus;
}

/** What an ended room offers: replay, the merchant's next session (or null), some of its products. */
export interface AfterLive {
  sessionId: number;
  replayUrl: string | null;
  next: NextSession | null;
  products: ProductOption[];
}

export interface Replay {
  sessionId: number;
  replayUrl: string | null;
}

export const pastLiveApi = {
  /** GET /api/live-sessions/past?after=&limit= → ended sessions, most recently ended first */
  past: (after?: string | null, limit?: number, signal?: AbortSignal) =>
    request<Page<PastSessionCard>>('/api/live-sessions/past', { query: { after, limit }, signal }),
  /** GET /api/live-sessions/{id}/after */
  after: (id: number, signal?: AbortSignal) => request<AfterLive>(`${one(id)}/after`, { signal }),
  /** GET /api/merchant/live-sessions/{id}/replay */
  replay: (id: number, signal?: AbortSignal) => request<Replay>(`${mine(id)}/replay`, { signal }),
  /** PUT /api/merchant/live-sessions/{id}/replay (ended own sessions only) */
  setReplay: (id: number, replayUrl: string) =>
    request<Replay>(`${mine(id)}/replay`, { method: 'PUT', body: { replayUrl } }),
  /** DELETE /api/merchant/live-sessions/{id}/replay */
  clearReplay: (id: number) => request<Replay>(`${mine(id)}/replay`, { method: 'DELETE' }),
};
