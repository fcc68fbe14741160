// Client-side checks mirroring the field rules in docs/api.md. The server stays authoritative.
import type { EnterpriseSize, SpecialisationTier } from '../api/types';
import { creditCodeProblem } from './creditCode';

export type FieldErrors = Record<string, string>;

const USERNAME_RE = /^[A-Za-z0-9_.-]{3,32}$/;
const PHONE_RE = /^1[3-9]\d{9}$/;

/** Length in UTF-16 units, the way the server's Bean Validation @Size counts. */
function len(s: string): number {
  return s.length;
}

export function validateUsername(v: string): string | null {
  if (!v) return '请输入用户名';
  return USERNAME_RE.test(v) ? null : '用户名需为 3-32 位字母、数字、下划线、点或横线';
}

export const PASSWORD_MIN_CHARS = 8;
/** bcrypt reads at most 72 bytes of a password; the server counts UTF-8 bytes the same way. */
export const PASSWORD_MAX_BYTES = 72;

/** Characters as the server counts them for the minimum: code points (an emoji is one). */
function codePoints(s: string): number {
  return Array.from(s).length;
}

/** UTF-8 bytes, the unit of bcrypt's limit (an ASCII letter 1, a Chinese character 3, an emoji 4). */
export function utf8Bytes(s: string): number {
  return new TextEncoder().encode(s).length;
}

export function validatePassword(v: string): string | null {
  if (!v) return '请输入密码';
  if (codePoints(v) < PASSWORD_MIN_CHARS) return `密码至少 ${PASSWORD_MIN_CHARS} 位`;
  return utf8Bytes(v) <= PASSWORD_MAX_BYTES ? null : `密码不能超过 ${PASSWORD_MAX_BYTES} 字节（约 24 个汉字）`;
}

export function validateDisplayName(v: string): string | null {
  const t = v.trim();
  if (!t) return '请输入昵称';
  return len(t) <= 40 ? null : '昵称最多 40 个字';
}

/** Optional: empty is fine. */
export function validatePhone(v: string): string | null {
  if (!v) return null;
  return PHONE_RE.test(v) ? null : '请输入正确的 11 位手机号';
}

export interface EnterpriseForm {
  name: string;
  creditCode: string;
  region: string;
  industry: string;
  size: EnterpriseSize | '';
  tier: SpecialisationTier;
}

export interface RegisterForm {
  username: string;
  password: string;
  confirm: string;
  displayName: string;
  phone: string;
  asEnterprise: boolean;
  enterprise: EnterpriseForm;
}

export const emptyRegisterForm = (): RegisterForm => ({
  username: '',
  password: '',
  confirm: '',
  displayName: '',
  phone: '',
  asEnterprise: false,
  enterprise: { name: '', creditCode: '', region: '', industry: '', size: '', tier: 'NONE' },
});

function put(errors: FieldErrors, field: string, message: string | null) {
  if (message) errors[field] = message;
}

/** Errors keyed by the API's field paths (`enterprise.creditCode`), plus `confirm`. */
export function validateRegisterForm(f: RegisterForm): FieldErrors {
  const e: FieldErrors = {};
  put(e, 'username', validateUsername(f.username));
  put(e, 'password', validatePassword(f.password));
  if (!f.confirm) e.confirm = '请再次输入密码';
  else if (f.confirm !== f.password) e.confirm = '两次输入的密码不一致';
  put(e, 'displayName', validateDisplayName(f.displayName));
  put(e, 'phone', validatePhone(f.phone));
  if (f.asEnterprise) {
    const ent = f.enterprise;
    if (!ent.name.trim()) e['enterprise.name'] = '请输入企业名称';
    put(e, 'enterprise.creditCode', creditCodeProblem(ent.creditCode));
    if (!ent.region.trim()) e['enterprise.region'] = '请输入所在地区';
    if (!ent.industry.trim()) e['enterprise.industry'] = '请输入所属行业';
    if (!ent.size) e['enterprise.size'] = '请选择企业规模';
  }
  return e;
}

export function validateLoginForm(f: { username: string; password: string }): FieldErrors {
  const e: FieldErrors = {};
  if (!f.username) e.username = '请输入用户名';
  if (!f.password) e.password = '请输入密码';
  return e;
}
