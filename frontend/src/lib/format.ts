const dateTime = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

/** ISO-8601 instant → Asia/Shanghai wall time, e.g. 2026/11/23 12:05. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : dateTime.format(new Date(t));
}

/** Integer fen → ¥ string, e.g. 12345 → ¥123.45 */
export function formatFen(fen: number): string {
  return `¥${(fen / 100).toFixed(2)}`;
}

const clock = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

/** ISO-8601 instant → Asia/Shanghai clock time, e.g. 12:05 (chat lines). */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const t = Date.parse(iso);
  return Number.isNaN(t) ? '' : clock.format(new Date(t));
}

/** Counters the Chinese way: 9999 → 9999, 12345 → 1.2万, 100000000 → 1亿. */
export function formatCount(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '—';
  const trim = (x: number) => x.toFixed(1).replace(/\.0$/, '');
  if (Math.abs(n) >= 1e8) return `${trim(n / 1e8)}亿`;
  if (Math.abs(n) >= 1e4) return `${trim(n / 1e4)}万`;
  return String(Math.round(n));
}
