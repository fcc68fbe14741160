import { describe, expect, it } from 'vitest';
import {
  emptyRegisterForm,
  validateDisplayName,
  validateLoginForm,
  validatePassword,
  validatePhone,
  validateRegisterForm,
  validateUsername,
  utf8Bytes,
} from './validation';
import type { RegisterForm } from './validation';

const valid = (): RegisterForm => ({
  ...emptyRegisterForm(),
  username: 'zhang.san_01',
  password: 'secret-pass',
  confirm: 'secret-pass',
  displayName: '张三',
});

describe('field rules from docs/api.md', () => {
  it('username: 3-32 of A-Z a-z 0-9 _ . -', () => {
    expect(validateUsername('abc')).toBeNull();
    expect(validateUsername('a'.repeat(32))).toBeNull();
    expect(validateUsername('A_b.c-9')).toBeNull();
    expect(validateUsername('ab')).not.toBeNull();
    expect(validateUsername('a'.repeat(33))).not.toBeNull();
    expect(validateUsername('张三abc')).not.toBeNull();
    expect(validateUsername('has space')).not.toBeNull();
    expect(validateUsername('')).toBe('请输入用户名');
  });

  it('password: at least 8 characters, at most 72 UTF-8 bytes as bcrypt reads them', () => {
    expect(validatePassword('12345678')).toBeNull();
    expect(validatePassword('x'.repeat(72))).toBeNull();
    expect(validatePassword('1234567')).toBe('密码至少 8 位');
    expect(validatePassword('x'.repeat(73))).toBe('密码不能超过 72 字节（约 24 个汉字）');
    expect(validatePassword('密码密码密码密码')).toBeNull();
    // 24 Chinese characters are 72 bytes; 25 (or 30) are over, though far fewer than 72 characters
    expect(validatePassword('陕'.repeat(24))).toBeNull();
    expect(validatePassword('陕'.repeat(25))).toBe('密码不能超过 72 字节（约 24 个汉字）');
    expect(validatePassword('陕'.repeat(30))).toBe('密码不能超过 72 字节（约 24 个汉字）');
    // an emoji is one character for the minimum (two UTF-16 units) and 4 bytes for the maximum
    expect(validatePassword('😀'.repeat(8))).toBeNull();
    expect(validatePassword('😀'.repeat(4))).toBe('密码至少 8 位');
    expect(validatePassword('😀'.repeat(18))).toBeNull();
    expect(validatePassword('😀'.repeat(19))).toBe('密码不能超过 72 字节（约 24 个汉字）');
  });

  it('utf8Bytes counts as the server does', () => {
    expect(utf8Bytes('abc')).toBe(3);
    expect(utf8Bytes('陕西')).toBe(6);
    expect(utf8Bytes('😀')).toBe(4);
  });

  it('displayName: 1-40 characters, counted as characters not bytes', () => {
    expect(validateDisplayName('张')).toBeNull();
    expect(validateDisplayName('陕'.repeat(40))).toBeNull();
    expect(validateDisplayName('陕'.repeat(41))).not.toBeNull();
    expect(validateDisplayName('   ')).toBe('请输入昵称');
  });

  it('phone: optional, mainland mobile 1[3-9] + 9 digits', () => {
    expect(validatePhone('')).toBeNull();
    expect(validatePhone('13912345678')).toBeNull();
    expect(validatePhone('19912345678')).toBeNull();
    expect(validatePhone('12912345678')).not.toBeNull();
    expect(validatePhone('1391234567')).not.toBeNull();
    expect(validatePhone('139123456789')).not.toBeNull();
    expect(validatePhone('+8613912345678')).not.toBeNull();
  });
});

describe('validateRegisterForm', () => {
  it('passes a valid personal registration', () => {
    expect(validateRegisterForm(valid())).toEqual({});
  });

  it('reports a mismatched confirmation under "confirm"', () => {
    const f = { ...valid(), confirm: 'other-pass' };
    expect(validateRegisterForm(f)).toEqual({ confirm: '两次输入的密码不一致' });
  });

  it('ignores the enterprise section unless it is switched on', () => {
    const f = valid();
    f.enterprise.creditCode = 'bogus';
    expect(validateRegisterForm(f)).toEqual({});
  });

  it('keys enterprise problems by API path', () => {
    const f = { ...valid(), asEnterprise: true };
    f.enterprise = { name: '', creditCode: '91350100M000100Y44', region: '', industry: '', size: '', tier: 'NONE' };
    const e = validateRegisterForm(f);
    expect(Object.keys(e).sort()).toEqual([
      'enterprise.creditCode',
      'enterprise.industry',
      'enterprise.name',
      'enterprise.region',
      'enterprise.size',
    ]);
    expect(e['enterprise.creditCode']).toMatch(/校验位/);
  });

  it('accepts a complete enterprise', () => {
    const f = { ...valid(), asEnterprise: true, phone: '13800000000' };
    f.enterprise = {
      name: '西安秦味食品有限公司',
      creditCode: '91350100M000100Y43',
      region: '陕西省西安市',
      industry: '食品加工',
      size: 'SMALL',
      tier: 'SPECIALISED',
    };
    expect(validateRegisterForm(f)).toEqual({});
  });
});

describe('validateLoginForm', () => {
  it('requires both fields', () => {
    expect(validateLoginForm({ username: '', password: '' })).toEqual({
      username: '请输入用户名',
      password: '请输入密码',
    });
    expect(validateLoginForm({ username: 'u', password: 'p' })).toEqual({});
  });
});
