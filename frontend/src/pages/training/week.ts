// The calendar's weeks, Monday to Sunday in Asia/Shanghai (UTC+8, no daylight saving), as UTC instants for the API.

const DAY = 86_400_000;
const SHANGHAI = 8 * 3_600_000;

/** The UTC instant of the Monday 00:00 (Asia/Shanghai) of the week holding `at`, moved by `offset` weeks. */
export function weekStart(at: number, offset = 0): number {
  const local = at + SHANGHAI;
  const midnight = local - (((local % DAY) + DAY) % DAY);
  const weekday = (new Date(midnight).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return midnight - weekday * DAY - SHANGHAI + offset * 7 * DAY;
}

/** The seven days of the week starting at `start`: their start instants. */
export function weekDays(start: number): number[] {
  return Array.from({ length: 7 }, (_, i) => start + i * DAY);
}

/** The Asia/Shanghai day key (YYYY-MM-DD) of an instant. */
export function dayKey(at: number): string {
  return new Date(at + SHANGHAI).toISOString().slice(0, 10);
}

const WEEKDAYS = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'];

/** "12月7日 周一" of a day's start instant. */
export function dayLabel(dayStart: number, index: number): string {
  const d = new Date(dayStart + SHANGHAI);
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${WEEKDAYS[index]}`;
}
