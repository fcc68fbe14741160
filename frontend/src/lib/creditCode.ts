// 统一社会信用代码 (unified social credit code) check per GB 32100-2015.

export const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character for the first 17 characters, or null if they are not valid. */
export function creditCodeCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = CREDIT_CODE_CHARSET.indexOf(first17[i]);
    if (v < 0) return null;
    sum += v * WEIGHTS[i];
  }
  return CREDIT_CODE_CHARSET[(31 - (sum % 31)) % 31];
}

/** Normalise user input: trim, drop inner spaces, upper-case. */
export function normaliseCreditCode(input: string): string {
  return input.replace(/\s+/g, '').toUpperCase();
}

/** Characters 3–8 are the administrative region code: digits only. */
const REGION_RE = /^\d{6}$/;

/** True if `code` is an 18-character code from the charset, with a numeric region code and a valid check digit. */
export function isValidCreditCode(code: string): boolean {
  if (code.length !== 18 || !REGION_RE.test(code.slice(2, 8))) return false;
  const expected = creditCodeCheckChar(code.slice(0, 17));
  return expected !== null && expected === code[17];
}

/** A Chinese message explaining what is wrong, or null if the code is valid. */
export function creditCodeProblem(code: string): string | null {
  if (!code) return '请输入统一社会信用代码';
  if (code.length !== 18) return '统一社会信用代码应为 18 位';
  for (const ch of code) {
    if (!CREDIT_CODE_CHARSET.includes(ch)) {
      return `统一社会信用代码含无效字符“${ch}”（不使用 I、O、S、V、Z）`;
    }
  }
  if (!REGION_RE.test(code.slice(2, 8))) return '统一社会信用代码第 3-8 位应为行政区划代码（数字）';
  return isValidCreditCode(code) ? null : '统一社会信用代码校验位不正确，请核对';
}
