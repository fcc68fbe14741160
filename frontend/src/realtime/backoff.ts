// Reconnect delays: exponential from 1 s, doubling per failed attempt, capped at 30 s, with
// random jitter that only shortens the delay (so the cap really is the maximum):
// attempt 0 → 0.75–1 s, 1 → 1.5–2 s, 2 → 3–4 s, … ≥5 → 22.5–30 s.

export const BACKOFF_BASE_MS = 1_000;
export const BACKOFF_MAX_MS = 30_000;
/** Fraction of the delay that jitter may take off. */
export const BACKOFF_JITTER = 0.25;

/** Delay before reconnect attempt number `attempt` (0-based). `random` returns [0, 1). */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const n = Number.isFinite(attempt) ? Math.max(0, Math.floor(attempt)) : 0;
  // Past 5 doublings the cap applies anyway; bounding the exponent keeps the maths finite.
  const raw = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.min(n, 16));
  const x = random();
  const r = Number.isFinite(x) ? Math.min(Math.max(x, 0), 1) : 0;
  return Math.round(raw * (1 - BACKOFF_JITTER * r));
}
