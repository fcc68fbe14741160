import { describe, expect, it } from 'vitest';
import { formatOffset, newViewId, parseOffset } from './offsets';

describe('offsets', () => {
  it('reads and writes m:ss and h:mm:ss', () => {
    expect(formatOffset(0)).toBe('0:00');
    expect(formatOffset(75)).toBe('1:15');
    expect(formatOffset(3725)).toBe('1:02:05');
    expect(parseOffset('1:15')).toBe(75);
    expect(parseOffset(' 12：30 ')).toBe(750);
    expect(parseOffset('1:02:05')).toBe(3725);
    expect(parseOffset('90')).toBe(90);
    expect(parseOffset('1:75')).toBeNull();
    expect(parseOffset('1:60:00')).toBeNull();
    expect(parseOffset('abc')).toBeNull();
    expect(parseOffset('')).toBeNull();
    expect(parseOffset('-1:00')).toBeNull();
  });

  it('makes version-4 UUIDs', () => {
    const a = newViewId();
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(newViewId()).not.toBe(a);
  });
});
