// A browser without an account is still the same guest on every connection: it asks the server once for a signed
// guest id (POST /api/auth/guest), keeps it in localStorage and sends it as `x-guest` with every STOMP CONNECT.
// Likes need it, and the room counts the guest once among unique viewers however often it reconnects.
import { authApi } from '../api/identity';
import type { GuestPass } from '../api/types';

export const GUEST_KEY = 'livehall.guest';

let pending: Promise<string | null> | null = null;

function stored(): string | null {
  try {
    const raw = localStorage.getItem(GUEST_KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<GuestPass>;
    return typeof parsed.pass === 'string' ? parsed.pass : null;
  } catch {
    return null;
  }
}

/** The kept guest pass, asking the server for one the first time; null if it cannot be had now (watch anyway). */
export function guestPass(fetchPass: () => Promise<GuestPass> = authApi.guest): Promise<string | null> {
  const kept = stored();
  if (kept) return Promise.resolve(kept);
  if (!pending) {
    pending = fetchPass()
      .then((g) => {
        try {
          localStorage.setItem(GUEST_KEY, JSON.stringify(g));
        } catch {
          /* storage disabled: this page keeps it in memory through `pending` */
          return g.pass;
        }
        pending = null;
        return g.pass;
      })
      .catch(() => {
        pending = null;
        return null;
      });
  }
  return pending;
}
