import { describe, expect, it } from 'vitest';
import { formatCountdown, msUntil } from './countdown';

describe('countdown (倒计时)', () => {
  it('shows hours, minutes and seconds, with days when a day or more is left', () => {
    expect(formatCountdown(9_000)).toBe('00:00:09');
    expect(formatCountdown(65_000)).toBe('00:01:05');
    expect(formatCountdown((3 * 3600 + 4 * 60 + 5) * 1000)).toBe('03:04:05');
    expect(formatCountdown(86_399_000)).toBe('23:59:59');
    expect(formatCountdown(86_400_000)).toBe('1天 00:00:00');
    expect(formatCountdown(((2 * 24 + 3) * 3600 + 4 * 60 + 5) * 1000)).toBe('2天 03:04:05');
  });

  it('rounds part seconds up and never goes below zero', () => {
    expect(formatCountdown(1)).toBe('00:00:01');
    expect(formatCountdown(1_001)).toBe('00:00:02');
    expect(formatCountdown(0)).toBe('00:00:00');
    expect(formatCountdown(-5_000)).toBe('00:00:00');
    expect(formatCountdown(Number.NaN)).toBe('00:00:00');
  });

  it('measures from now to an ISO instant', () => {
    const now = Date.parse('2026-11-23T04:00:00Z');
    expect(msUntil('2026-11-23T04:01:00Z', now)).toBe(60_000);
    expect(msUntil('2026-11-23T12:01:00+08:00', now)).toBe(60_000);
    expect(msUntil('2026-11-23T03:59:00Z', now)).toBe(-60_000);
  });
});
