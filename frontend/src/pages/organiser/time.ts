// <input type="datetime-local"> values are Beijing wall time (the UI's zone); the API speaks UTC instants.

/** "2026-11-23T09:30" (Asia/Shanghai) → "2026-11-23T01:30:00.000Z"; null if not a valid value. */
export function shanghaiInputToIso(local: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local)) return null;
  const t = Date.parse(`${local}:00+08:00`);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

/** An instant → the datetime-local value showing it in Asia/Shanghai. */
export function isoToShanghaiInput(iso: string | Date): string {
  const t = typeof iso === 'string' ? Date.parse(iso) : iso.getTime();
  return new Date(t + 8 * 3600_000).toISOString().slice(0, 16);
}
