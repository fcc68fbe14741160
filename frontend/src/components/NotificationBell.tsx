// The header's notification centre: a bell with the unread count, a dropdown list of the user's notifications
// (newest first, with links, mark one or all read, more on demand) and a toast when one arrives. It listens to
// /user/queue/notifications on every page while signed in (the realtime registry drops repeats by eventId) and
// asks the server for the unread count again after each (re)connect, so nothing sent while offline is missed.
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { isApiError } from '../api/errors';
import { fromPushed, notificationsApi } from '../api/notifications';
import type { PushedNotification, UserNotification } from '../api/notifications';
import { useAuth } from '../auth/AuthProvider';
import { formatDateTime } from '../lib/format';
import { useConnectionStatus } from '../realtime/connectionStatus';
import { userQueues } from '../realtime/destinations';
import { useTopic } from '../realtime/useTopic';

const PAGE = 20;
const TOAST_MS = 5_000;

/** 刚刚 / N 分钟前 / N 小时前, then the Asia/Shanghai date and time. */
export function notificationAge(iso: string, now = Date.now()): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return '';
  const minutes = Math.floor((now - t) / 60_000);
  if (minutes < 1) return '刚刚';
  if (minutes < 60) return `${minutes} 分钟前`;
  if (minutes < 24 * 60) return `${Math.floor(minutes / 60)} 小时前`;
  return formatDateTime(iso);
}

const countLabel = (n: number) => (n > 99 ? '99+' : String(n));

export function NotificationBell() {
  const { user } = useAuth();
  if (!user) return null;
  return <Bell key={user.id} />;
}

function Bell() {
  const navigate = useNavigate();
  const location = useLocation();
  const status = useConnectionStatus();
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const [unread, setUnread] = useState(0);
  const [open, setOpen] = useState(false);
  const [items, setItems] = useState<UserNotification[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [toast, setToast] = useState<UserNotification | null>(null);
  const toastTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const refreshCount = useCallback(async (signal?: AbortSignal) => {
    try {
      const r = await notificationsApi.unreadCount(signal);
      if (typeof r?.unread === 'number') setUnread(r.unread);
    } catch {
      // The count stays as it was; the next (re)connect asks again.
    }
  }, []);

  const loadPage = useCallback(async (after: string | null) => {
    setLoading(true);
    setError(null);
    try {
      const page = await notificationsApi.list(after, PAGE);
      const got = Array.isArray(page?.items) ? page.items : [];
      setItems((prev) => {
        const base = after ? (prev ?? []) : [];
        const seen = new Set(base.map((n) => n.id));
        return [...base, ...got.filter((n) => !seen.has(n.id))];
      });
      setNext(page?.next ?? null);
    } catch (e) {
      setError(isApiError(e) ? e.detail : '加载失败');
    } finally {
      setLoading(false);
    }
  }, []);

  // On mount and after every (re)connect: what arrived while the page was closed or the connection down.
  useEffect(() => {
    if (status !== 'connected' && status !== 'idle') return;
    const ctrl = new AbortController();
    void refreshCount(ctrl.signal);
    return () => ctrl.abort();
  }, [status, refreshCount]);

  useTopic<PushedNotification>(userQueues.notifications, onPushed, { background: true });
  function onPushed(message: PushedNotification) {
    const n = fromPushed(message);
    if (!n) return; // best-effort messages (e.g. order placed) are not stored: the page that caused them shows them
    setItems((prev) => (prev === null || prev.some((i) => i.id === n.id) ? prev : [n, ...prev]));
    setUnread((u) => u + 1);
    clearTimeout(toastTimer.current);
    setToast(n);
    toastTimer.current = setTimeout(() => setToast(null), TOAST_MS);
  }
  useEffect(() => () => clearTimeout(toastTimer.current), []);

  // The list is loaded when first opened (then kept current by the pushes); each opening also re-reads the count,
  // which another tab or device may have changed by reading some.
  useEffect(() => {
    if (open && items === null && !loading) void loadPage(null);
  }, [open, items, loading, loadPage]);
  useEffect(() => {
    if (open) void refreshCount();
  }, [open, refreshCount]);

  // Close on route change, Escape and a click outside.
  useEffect(() => setOpen(false), [location.pathname]);
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(false);
    const onDown = (e: PointerEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) setOpen(false);
    };
    window.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onDown);
    return () => {
      window.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onDown);
    };
  }, [open]);

  const markRead = async (n: UserNotification) => {
    if (n.readAt) return;
    const readAt = new Date().toISOString();
    setItems((prev) => prev?.map((i) => (i.id === n.id ? { ...i, readAt } : i)) ?? prev);
    setUnread((u) => Math.max(0, u - 1));
    try {
      await notificationsApi.markRead(n.id);
    } catch {
      void refreshCount();
    }
  };

  const openItem = (n: UserNotification) => {
    void markRead(n);
    setOpen(false);
    setToast(null);
    if (n.link?.startsWith('/')) navigate(n.link);
  };

  const markAll = async () => {
    const readAt = new Date().toISOString();
    setItems((prev) => prev?.map((i) => (i.readAt ? i : { ...i, readAt })) ?? prev);
    setUnread(0);
    try {
      const r = await notificationsApi.markAllRead();
      if (typeof r?.unread === 'number') setUnread(r.unread);
    } catch {
      void refreshCount();
    }
  };

  return (
    <div className="notif" ref={root}>
      <button
        type="button"
        className="notif-bell"
        aria-label={unread > 0 ? `通知，${unread} 条未读` : '通知'}
        aria-expanded={open}
        aria-controls={panelId}
        data-testid="notification-bell"
        data-status={status}
        onClick={() => {
          setToast(null);
          setOpen((o) => !o);
        }}
      >
        <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
          <path
            fill="currentColor"
            d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
          />
        </svg>
        {unread > 0 && (
          <span className="notif-count" data-testid="notification-count">
            {countLabel(unread)}
          </span>
        )}
      </button>

      {open && (
        <div id={panelId} className="notif-panel" role="dialog" aria-label="通知" data-testid="notification-panel">
          <div className="notif-head">
            <strong>通知</strong>
            <button
              type="button"
              className="btn btn-ghost btn-sm"
              onClick={markAll}
              disabled={unread === 0}
              data-testid="notification-read-all"
            >
              全部已读
            </button>
          </div>
          {items === null && loading && <p className="notif-empty muted">加载中…</p>}
          {error && (
            <p className="notif-empty form-error" role="alert">
              {error}
            </p>
          )}
          {items !== null && items.length === 0 && !error && <p className="notif-empty muted">暂无通知</p>}
          {items !== null && items.length > 0 && (
            <ul className="notif-list" data-testid="notification-list">
              {items.map((n) => (
                <li key={n.id}>
                  <button
                    type="button"
                    className={`notif-item${n.readAt ? '' : ' unread'}`}
                    onClick={() => openItem(n)}
                    data-testid="notification-item"
                    data-link={n.link ?? ''}
                  >
                    <span className="notif-title">
                      {!n.readAt && <span className="notif-dot" aria-label="未读" />}
                      {n.title}
                    </span>
                    {n.body && <span className="notif-body">{n.body}</span>}
                    <span className="notif-time">{notificationAge(n.at)}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
          {next && (
            <button
              type="button"
              className="btn btn-ghost btn-sm notif-more"
              onClick={() => void loadPage(next)}
              disabled={loading}
              data-testid="notification-more"
            >
              {loading ? '加载中…' : '加载更多'}
            </button>
          )}
        </div>
      )}

      {toast && (
        <div className="toast notif-toast" role="status" aria-live="polite" data-testid="notification-toast">
          <button type="button" className="notif-toast-open" onClick={() => openItem(toast)}>
            <strong>{toast.title}</strong>
            {toast.body && <span>{toast.body}</span>}
          </button>
          <button type="button" className="notif-toast-close" aria-label="关闭" onClick={() => setToast(null)}>
            ×
          </button>
        </div>
      )}
    </div>
  );
}
