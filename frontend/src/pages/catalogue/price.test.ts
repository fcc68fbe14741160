import { describe, expect, it } from 'vitest';
import { fenToYuanInput, formatPrice, yuanToFen } from './price';

describe('price', () => {
  it('formats fen as yuan, dropping .00 and grouping thousands', () => {
    expect(formatPrice(16800)).toBe('¥168');
    expect(formatPrice(16850)).toBe('¥168.50');
    expect(formatPrice(1)).toBe('¥0.01');
    expect(formatPrice(1280000)).toBe('¥12,800');
    expect(formatPrice(123456789)).toBe('¥1,234,567.89');
  });

  it('parses typed yuan into fen without floating-point error', () => {
    expect(yuanToFen('168')).toBe(16800);
    expect(yuanToFen(' 168.5 ')).toBe(16850);
    expect(yuanToFen('0.01')).toBe(1);
    expect(yuanToFen('19.99')).toBe(1999);
    expect(yuanToFen('1.')).toBe(100);
    expect(yuanToFen('0')).toBe(0);
  });

  it('refuses what is not an amount', () => {
    for (const bad of ['', 'abc', '-1', '1.234', '1e3', '¥5', '1,000', '.5']) {
      expect(yuanToFen(bad), bad).toBeNull();
    }
  });

  it('shows fen back as the yuan an input holds', () => {
    expect(fenToYuanInput(16800)).toBe('168');
    expect(fenToYuanInput(16850)).toBe('168.5');
    expect(fenToYuanInput(1999)).toBe('19.99');
    expect(fenToYuanInput(5)).toBe('0.05');
    for (const fen of [1, 10, 99, 100, 12345, 1000000000]) expect(yuanToFen(fenToYuanInput(fen))).toBe(fen);
  });
});
