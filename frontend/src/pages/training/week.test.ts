import { describe, expect, it } from 'vitest';
import { dayKey, dayLabel, weekDays, weekStart } from './week';

describe('week', () => {
  it('starts on Monday 00:00 in Asia/Shanghai, also late on a Sunday evening UTC', () => {
    // 2026-12-06 (Sunday) 23:30 UTC is Monday 07:30 in Shanghai: its week starts that Monday
    const start = weekStart(Date.parse('2026-12-06T23:30:00Z'));
    expect(new Date(start).toISOString()).toBe('2026-12-06T16:00:00.000Z');
    // 2026-12-06 10:00 UTC is Sunday 18:00 in Shanghai: the week began Monday 2026-11-30
    expect(new Date(weekStart(Date.parse('2026-12-06T10:00:00Z'))).toISOString()).toBe('2026-11-29T16:00:00.000Z');
    expect(new Date(weekStart(Date.parse('2026-12-06T23:30:00Z'), -1)).toISOString()).toBe('2026-11-29T16:00:00.000Z');
  });

  it('names seven days by their Shanghai date', () => {
    const days = weekDays(Date.parse('2026-12-06T16:00:00Z'));
    expect(days).toHaveLength(7);
    expect(dayKey(days[0])).toBe('2026-12-07');
    expect(dayKey(days[6])).toBe('2026-12-13');
    expect(dayLabel(days[0], 0)).toBe('12月7日 周一');
    expect(dayKey(Date.parse('2026-12-07T15:59:00Z'))).toBe('2026-12-07');
    expect(dayKey(Date.parse('2026-12-07T16:00:00Z'))).toBe('2026-12-08');
  });
});
