// datetime-local values are read and written in Asia/Shanghai (UTC+8 all year), whatever the browser's zone.
const OFFSET_MS = 8 * 60 * 60 * 1000;

/** ISO instant → "2026-12-10T18:00" in Shanghai time, for an <input type="datetime-local">. */
export function toShanghaiLocal(iso: string | null): string {
  if (!iso) return '';
  const t = Date.parse(iso);
  return Number.isNaN(t) ? '' : new Date(t + OFFSET_MS).toISOString().slice(0, 16);
}

/** "2026-12-10T18:00" read as Shanghai time → ISO instant; null for an empty value. */
export function fromShanghaiLocal(local: string): string | null {
  if (!local) return null;
  const t = Date.parse(`${local}:00+08:00`);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}
