import { describe, expect, it } from 'vitest';
import { backoffDelay, BACKOFF_MAX_MS } from './backoff';

describe('backoffDelay', () => {
  it('doubles from 1 s up to the 30 s cap (no jitter when random is 0)', () => {
    const schedule = Array.from({ length: 8 }, (_, i) => backoffDelay(i, () => 0));
    expect(schedule).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000]);
    expect(backoffDelay(1_000, () => 0)).toBe(30_000);
  });

  it('jitter only shortens the delay, by at most a quarter', () => {
    expect(backoffDelay(0, () => 0.5)).toBe(875);
    expect(backoffDelay(2, () => 0.999999)).toBe(3_000);
    expect(backoffDelay(10, () => 0.999999)).toBe(22_500);
    for (let attempt = 0; attempt < 12; attempt++) {
      for (const r of [0, 0.1, 0.5, 0.9, 0.99]) {
        const d = backoffDelay(attempt, () => r);
        const base = Math.min(BACKOFF_MAX_MS, 1_000 * 2 ** attempt);
        expect(d).toBeGreaterThanOrEqual(base * 0.75);
        expect(d).toBeLessThanOrEqual(base);
      }
    }
  });

  it('treats odd attempts as 0 and clamps a bad random', () => {
    expect(backoffDelay(-3, () => 0)).toBe(1_000);
    expect(backoffDelay(Number.NaN, () => 0)).toBe(1_000);
    expect(backoffDelay(0, () => 7)).toBe(750);
  });
});
