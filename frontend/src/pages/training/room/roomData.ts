// The room's latest-value topics joined with their first GET: the topic's value wins once one arrives.
import { useEffect, useState } from 'react';
import type { CheckInState, PollSnapshot, PollView, QaSnapshot } from '../../../api/trainingRoom';
import { useLatest } from '../../../realtime/useTopic';

/** A latest-value topic whose current value is first loaded over HTTP (a room nobody changed yet has no topic value). */
export function useSnapshot<T>(
  destination: string | null,
  load: (signal: AbortSignal) => Promise<unknown>,
  valid: (value: unknown) => value is T,
  reloadKey: unknown = 0,
): T | null {
  const live = useLatest<unknown>(destination);
  const [loaded, setLoaded] = useState<{ destination: string | null; value: T | null }>({ destination, value: null });
  useEffect(() => {
    if (!destination) return;
    const ctl = new AbortController();
    load(ctl.signal)
      .then((v) => {
        if (!ctl.signal.aborted && valid(v)) setLoaded({ destination, value: v });
      })
      .catch(() => undefined);
    return () => ctl.abort();
    // load and valid are stable per destination
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [destination, reloadKey]);
  if (valid(live)) return live;
  return loaded.destination === destination ? loaded.value : null;
}

export const isQaSnapshot = (v: unknown): v is QaSnapshot =>
  !!v && typeof v === 'object' && Array.isArray((v as QaSnapshot).questions) && typeof (v as QaSnapshot).total === 'number';

export const isPollSnapshot = (v: unknown): v is PollSnapshot =>
  !!v && typeof v === 'object' && Array.isArray((v as PollSnapshot).polls);

export const isCheckInState = (v: unknown): v is CheckInState =>
  !!v && typeof v === 'object' && 'checkInId' in v && typeof (v as CheckInState).count === 'number';

/** The poll the room shows: the open one, else the most recently closed one. */
export function currentPoll(snapshot: PollSnapshot | null): PollView | null {
  if (!snapshot) return null;
  return snapshot.polls.find((p) => p.status === 'OPEN') ?? snapshot.polls.find((p) => p.status === 'CLOSED') ?? null;
}

/** mm:ss of the milliseconds left (never negative). */
export function mmss(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

/** Now, every second while `active` (for countdowns). */
export function useNow(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    setNow(Date.now());
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, [active]);
  return now;
}

/** Percent (0–100, whole numbers) of `n` in `total`. */
export function percent(n: number, total: number): number {
  return total > 0 ? Math.round((n / total) * 100) : 0;
}
