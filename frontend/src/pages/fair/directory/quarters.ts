// Quarters as the organiser picks them: the current one first, the year around it.

const NAMES = ['一', '二', '三', '四'];

export function quarterLabel(year: number, quarter: number): string {
  return `${year}年第${NAMES[quarter - 1]}季度`;
}

/** The quarter of `now` in Asia/Shanghai. */
export function currentQuarter(now = new Date()): { year: number; quarter: number } {
  const [y, m] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' })
    .format(now).split('-').map(Number);
  return { year: y, quarter: Math.floor((m - 1) / 3) + 1 };
}

/** The previous quarter, this one and the next three: what a directory is usually published for. */
export function quarterChoices(now = new Date()): Array<{ year: number; quarter: number; label: string }> {
  const { year, quarter } = currentQuarter(now);
  const out = [];
  for (let i = -1; i <= 3; i++) {
    const index = year * 4 + (quarter - 1) + i;
    const y = Math.floor(index / 4);
    const q = (index % 4) + 1;
    out.push({ year: y, quarter: q, label: quarterLabel(y, q) });
  }
  return out;
}
