import { describe, expect, it } from 'vitest';
import { countdown, formatAmount, formatRange, parseWan, rolesFor, toWan } from './fairLabels';

describe('fair labels', () => {
  it('shows amounts in 元, 万元 and 亿元', () => {
    expect(formatAmount(50_000)).toBe('500元');
    expect(formatAmount(12_345_600)).toBe('12.35万元');
    expect(formatAmount(100_000_000)).toBe('100万元');
    expect(formatAmount(10_000_000_000)).toBe('1亿元');
    expect(formatAmount(null)).toBe('—');
    expect(formatRange(10_000_000, 100_000_000)).toBe('10万元–100万元');
    expect(formatRange(10_000_000, null)).toBe('≥ 10万元');
    expect(formatRange(null, 100_000_000)).toBe('≤ 100万元');
    expect(formatRange(5_000_000, 5_000_000)).toBe('5万元');
    expect(formatRange(null, null)).toBeNull();
  });

  it('parses 万元 into fen and refuses what the server would', () => {
    expect(parseWan('')).toBeNull();
    expect(parseWan(' 12.5 ')).toBe(12_500_000);
    expect(parseWan('0')).toBe(0);
    expect(parseWan('1000000')).toBe(1_000_000_000_000);
    expect(parseWan('1000001')).toBe('invalid');
    expect(parseWan('-1')).toBe('invalid');
    expect(parseWan('1.234')).toBe('invalid');
    expect(parseWan('一百')).toBe('invalid');
    expect(toWan(12_500_000)).toBe('12.5');
    expect(toWan(null)).toBe('');
  });

  it('offers roadshow roles at a roadshow only', () => {
    expect(rolesFor('ROADSHOW')).toEqual(['PROJECT', 'INVESTOR']);
    expect(rolesFor('PROCUREMENT')).toEqual(['SUPPLIER', 'BUYER', 'BOTH']);
    expect(rolesFor('CHAIN')).toEqual(['SUPPLIER', 'BUYER', 'BOTH']);
  });

  it('counts down in days and hours, then hours and minutes, and stops at the start', () => {
    const start = '2026-12-10T02:00:00Z';
    expect(countdown(start, Date.parse('2026-12-07T01:00:00Z'))).toBe('3 天 1 小时');
    expect(countdown(start, Date.parse('2026-12-09T23:30:00Z'))).toBe('2 小时 30 分');
    expect(countdown(start, Date.parse('2026-12-10T02:00:00Z'))).toBeNull();
  });
});
