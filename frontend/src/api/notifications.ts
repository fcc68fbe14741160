// The notification centre (docs/api.md "Notifications"): the signed-in user's stored notifications, newest first,
// the unread count and read marks. New ones also arrive on /user/queue/notifications with the same `id`.
import { request } from './client';
import type { Page } from './types';

/** One entry of the list (what the pushed message said; readAt null while unread). */
export interface UserNotification {
  id: number;
  /** e.g. live-started, order, application, merchant */
  type: string;
  title: string;
  body: string | null;
  /** an app path to open, e.g. /live/12 or /orders/7 */
  link: string | null;
  at: string;
  readAt: string | null;
}

/** A message of /user/queue/notifications: stored ones carry `id`; best-effort ones (order placed) do not. */
export interface PushedNotification {
  id?: number;
  eventId?: number;
  type: string;
  title: string;
  body?: string | null;
  link?: string | null;
  at?: string;
}

export const notificationsApi = {
  list: (after?: string | null, limit = 20, signal?: AbortSignal) =>
    request<Page<UserNotification>>('/api/notifications', { query: { after, limit }, signal }),
  unreadCount: (signal?: AbortSignal) => request<{ unread: number }>('/api/notifications/unread-count', { signal }),
  markRead: (id: number) => request<UserNotification>(`/api/notifications/${id}/read`, { method: 'POST' }),
  markAllRead: () => request<{ unread: number }>('/api/notifications/read-all', { method: 'POST' }),
};

/** A pushed message as a list entry (null for messages that are not stored). */
export function fromPushed(n: PushedNotification, now: () => string = () => new Date().toISOString()): UserNotification | null {
  if (typeof n?.id !== 'number' || typeof n.title !== 'string') return null;
  return {
    id: n.id,
    type: n.type,
    title: n.title,
    body: n.body ?? null,
    link: n.link ?? null,
    at: n.at ?? now(),
    readAt: null,
  };
}
