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
