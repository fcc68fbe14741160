// Countdowns to a session's start (倒计时), ticking once a second.
import { useEffect, useState } from 'react';

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Time left as the schedule shows it: "2天 03:04:05" when a day or more is left, else "03:04:05".
 * Whole seconds, rounded up (so "00:00:01" shows until the very start); nothing left → "00:00:00".
 */
export function formatCountdown(ms: number): string {
  const total = Number.isFinite(ms) && ms > 0 ? Math.ceil(ms / 1000) : 0;
  const days = Math.floor(total / 86400);
  const h = Math.floor((total % 86400) / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const clock = `${pad(h)}:${pad(m)}:${pad(s)}`;
  return days > 0 ? `${days}天 ${clock}` : clock;
}

/** Milliseconds from `now` until an ISO instant (negative once it has passed; NaN if unreadable). */
export function msUntil(iso: string, now: number): number {
  return Date.parse(iso) - now;
}

/** The current time, re-rendering every `intervalMs` (one timer per caller: use it once per page). */
export function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
