import { describe, expect, it } from 'vitest';
import {
  CREDIT_CODE_CHARSET,
  creditCodeCheckChar,
  creditCodeProblem,
  isValidCreditCode,
  normaliseCreditCode,
} from './creditCode';

describe('统一社会信用代码 (GB 32100-2015)', () => {
  it('accepts codes with a correct check character', () => {
    expect(isValidCreditCode('91350100M000100Y43')).toBe(true);
    expect(isValidCreditCode('91110108551385082Q')).toBe(true);
    expect(isValidCreditCode('91440300708461136T')).toBe(true);
  });

  it('computes the check character from the first 17 characters', () => {
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
    expect(creditCodeCheckChar('91110108551385082')).toBe('Q');
    // sum % 31 === 0 maps to '0', not to index 31
    expect(creditCodeCheckChar('00000000000000000')).toBe('0');
  });

  it('rejects a wrong check character', () => {
    expect(isValidCreditCode('91350100M000100Y44')).toBe(false);
    expect(creditCodeProblem('91350100M000100Y44')).toMatch(/校验位/);
  });

  it('rejects a single changed body character (the check digit catches it)', () => {
    expect(isValidCreditCode('91350100M000100Y53')).toBe(false);
    expect(isValidCreditCode('92350100M000100Y43')).toBe(false);
  });

  it('rejects wrong lengths and characters outside the charset', () => {
    expect(isValidCreditCode('91350100M000100Y4')).toBe(false);
    expect(isValidCreditCode('91350100M000100Y433')).toBe(false);
    expect(creditCodeProblem('91350100M000100Y4')).toMatch(/18 位/);
    for (const bad of ['I', 'O', 'S', 'V', 'Z', 'a']) {
      expect(CREDIT_CODE_CHARSET.includes(bad)).toBe(false);
      const code = `91350100${bad}000100Y43`;
      expect(isValidCreditCode(code)).toBe(false);
      expect(creditCodeProblem(code)).toContain(`“${bad}”`);
    }
    expect(creditCodeCheckChar('91350100O000100Y4')).toBeNull();
  });

  it('requires a numeric region code in characters 3-8', () => {
    // 'A' replaces a region digit; the check character is recomputed so only the region rule fails.
    const body = '91A50100M000100Y4';
    const code = body + creditCodeCheckChar(body);
    expect(isValidCreditCode(code)).toBe(false);
    expect(creditCodeProblem(code)).toMatch(/行政区划/);
  });

  it('explains an empty value and accepts a valid one', () => {
    expect(creditCodeProblem('')).toBe('请输入统一社会信用代码');
    expect(creditCodeProblem('91350100M000100Y43')).toBeNull();
  });

  it('normalises input to upper case without spaces', () => {
    expect(normaliseCreditCode(' 91350100m000 100y43 ')).toBe('91350100M000100Y43');
    expect(isValidCreditCode(normaliseCreditCode('91110108551385082q'))).toBe(true);
  });
});
