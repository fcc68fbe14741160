/** Fen → "¥168" for whole yuan, "¥168.50" otherwise (thousands grouped: ¥12,800). */
export function formatPrice(fen: number): string {
  const yuan = Math.trunc(fen / 100);
  const cents = Math.abs(fen % 100);
  const whole = yuan.toLocaleString('en-US');
  return cents === 0 ? `¥${whole}` : `¥${whole}.${String(cents).padStart(2, '0')}`;
}

/**
 * A yuan amount typed by a person ("168", "168.5", "0.01") → fen, or null when it is not a non-negative
 * amount with at most two decimals. Parsed from the digits, never through floating point.
 */
export function yuanToFen(input: string): number | null {
  const m = /^(\d{1,9})(?:\.(\d{0,2}))?$/.exec(input.trim());
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/** Fen → the yuan text an input shows ("168", "168.5", "0.01"). */
export function fenToYuanInput(fen: number): string {
  const yuan = Math.trunc(fen / 100);
  const cents = fen % 100;
  if (cents === 0) return String(yuan);
  return `${yuan}.${String(cents).padStart(2, '0').replace(/0$/, '')}`;
}
