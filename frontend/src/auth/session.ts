import type { LoginResult, User } from '../api/types';

/** What we keep in localStorage under `livehall.session`. */
export interface Session {
  token: string;
  expiresAt: string;
  user: User;
}

export const SESSION_KEY = 'livehall.session';

type Listener = () => void;
const listeners = new Set<Listener>();
let cached: Session | null | undefined;

function isSession(v: unknown): v is Session {
  if (!v || typeof v !== 'object') return false;
  const s = v as Partial<Session>;
  return typeof s.token === 'string' && !!s.user && typeof s.user === 'object';
}

function expired(s: Session): boolean {
  const t = Date.parse(s.expiresAt);
  return !Number.isNaN(t) && t <= Date.now();
}

function read(): Session | null {
  try {
    const raw = localStorage.getItem(SESSION_KEY);
    if (!raw) return null;
    const parsed: unknown = JSON.parse(raw);
    return isSession(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

function emit() {
  for (const l of listeners) l();
}

/** The current session, or null when logged out or the token has expired. */
export function getSession(): Session | null {
  if (cached === undefined) cached = read();
  // Pure on purpose (used as a React snapshot): an expired session reads as logged out.
  return cached && !expired(cached) ? cached : null;
}

export function getToken(): string | null {
  return getSession()?.token ?? null;
}

export function setSession(s: Session): void {
  cached = s;
  try {
    localStorage.setItem(SESSION_KEY, JSON.stringify(s));
  } catch {
    /* storage full or disabled: keep it in memory */
  }
  emit();
}

export function sessionFromLogin(r: LoginResult): Session {
  return { token: r.accessToken, expiresAt: r.expiresAt, user: r.user };
}

/** Replace the stored user (e.g. after GET /api/me), keeping the token. */
export function updateSessionUser(user: User): void {
  const s = getSession();
  if (s) setSession({ ...s, user });
}

export function clearSession(): void {
  const had = cached !== null;
  cached = null;
  try {
    localStorage.removeItem(SESSION_KEY);
  } catch {
    /* ignore */
  }
  if (had) emit();
}

export function subscribeSession(l: Listener): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

/** Forget the in-memory copy so the next read comes from storage (tests, other tabs). */
export function reloadSession(): void {
  cached = undefined;
  emit();
}

if (typeof window !== 'undefined') {
  window.addEventListener('storage', (e) => {
    if (e.key === SESSION_KEY || e.key === null) reloadSession();
  });
}
