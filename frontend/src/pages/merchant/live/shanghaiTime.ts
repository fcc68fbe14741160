// <input type="datetime-local"> works in wall time without a zone; the hall's wall time is
// Asia/Shanghai (UTC+8, no daylight saving), whatever the browser's own zone is.
const OFFSET_MS = 8 * 3600 * 1000;

/** ISO instant → "YYYY-MM-DDTHH:mm" in Asia/Shanghai ('' if unreadable). */
export function toShanghaiInput(iso: string | null | undefined): string {
  const t = iso ? Date.parse(iso) : NaN;
  return Number.isNaN(t) ? '' : new Date(t + OFFSET_MS).toISOString().slice(0, 16);
}

/** "YYYY-MM-DDTHH:mm" read as Asia/Shanghai → ISO instant in UTC (null if unreadable). */
export function fromShanghaiInput(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return null;
  const t = Date.parse(`${value}:00+08:00`);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}
