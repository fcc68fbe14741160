import { describe, expect, it } from 'vitest';
import { EMPTY_FORM, checkQuestionnaire, splitCertifications } from './questionnaire';

const filled = { ...EMPTY_FORM, role: 'SUPPLIER' as const, offers: ' 压铸件 ', needs: '', amountMin: '10', amountMax: '100',
  certifications: 'ISO 9001、IATF 16949，ISO 9001', contactName: ' 张三 ', contactPhone: '13812341234' };

describe('the registration questionnaire', () => {
  it('sends fen, split certifications and trimmed texts', () => {
    const { errors, body } = checkQuestionnaire(filled, 'PROCUREMENT');
    expect(errors).toEqual({});
    expect(body).toEqual({ role: 'SUPPLIER', offers: '压铸件', needs: '', amountMinFen: 10_000_000, amountMaxFen: 100_000_000,
      certifications: ['ISO 9001', 'IATF 16949'], contactName: '张三', contactPhone: '13812341234', answer: null });
  });

  it('refuses a role of the other kind, a reversed range, a bad phone and too many certifications', () => {
    const { errors, body } = checkQuestionnaire({ ...filled, amountMin: '100', amountMax: '10', contactPhone: '12345',
      certifications: Array.from({ length: 11 }, (_, i) => `认证${i}`).join('、') }, 'ROADSHOW');
    expect(body).toBeUndefined();
    expect(errors.role).toBe('投融资路演的参会身份为项目方或投资方');
    expect(errors.amountMaxFen).toBe('金额上限不能低于下限');
    expect(errors.contactPhone).toBe('请填写 11 位手机号');
    expect(errors.certifications).toBe('资质认证最多 10 项');
    expect(checkQuestionnaire({ ...filled, role: '', contactName: ' ' }, 'PROCUREMENT').errors)
      .toMatchObject({ role: '请选择参会身份', contactName: '请填写联系人' });
    expect(checkQuestionnaire({ ...filled, amountMin: '1.234' }, 'PROCUREMENT').errors.amountMinFen).toBeTruthy();
  });

  it('splits certifications on Chinese and Latin separators', () => {
    expect(splitCertifications('A；B;C\nD,，E、A')).toEqual(['A', 'B', 'C', 'D', 'E']);
  });
});
