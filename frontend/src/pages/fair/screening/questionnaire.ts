// The registration questionnaire (摸底) as the form holds it, and its checks before sending.
import type { FairKind, ParticipantRole, ParticipantRow, RegistrationBody } from '../../../api/fairScreening';
import type { FieldErrors } from '../../../lib/validation';
import { parseWan, rolesFor, toWan } from '../fairLabels';

export interface QuestionnaireForm {
  role: ParticipantRole | '';
  offers: string;
  needs: string;
  /** 万元 */
  amountMin: string;
  /** 万元 */
  amountMax: string;
  /** one line, separated by commas, 、 or semicolons */
  certifications: string;
  contactName: string;
  contactPhone: string;
  answer: string;
}

export const EMPTY_FORM: QuestionnaireForm = {
  role: '', offers: '', needs: '', amountMin: '', amountMax: '', certifications: '', contactName: '', contactPhone: '',
  answer: '',
};

export function formOf(p: ParticipantRow): QuestionnaireForm {
  return {
    role: p.role, offers: p.offers, needs: p.needs, amountMin: toWan(p.amountMinFen), amountMax: toWan(p.amountMaxFen),
    certifications: p.certifications.join('、'), contactName: p.contactName ?? '', contactPhone: p.contactPhone ?? '',
    answer: '',
  };
}

export function splitCertifications(text: string): string[] {
  return [...new Set(text.split(/[,，、;；\n]+/).map((t) => t.trim()).filter(Boolean))];
}

/** The body to send, or the field errors (the server's rules, checked here first). */
export function checkQuestionnaire(f: QuestionnaireForm, kind: FairKind): { errors: FieldErrors; body?: RegistrationBody } {
  const errors: FieldErrors = {};
  if (!f.role) errors.role = '请选择参会身份';
  else if (!rolesFor(kind).includes(f.role)) errors.role = kind === 'ROADSHOW' ? '投融资路演的参会身份为项目方或投资方' : '参会身份为供应商、采购商或供采兼有';
  if (f.offers.length > 1000) errors.offers = '最多 1000 字';
  if (f.needs.length > 1000) errors.needs = '最多 1000 字';
  const min = parseWan(f.amountMin);
  const max = parseWan(f.amountMax);
  if (min === 'invalid') errors.amountMinFen = '请填写 0–1000000 万元，最多两位小数';
  if (max === 'invalid') errors.amountMaxFen = '请填写 0–1000000 万元，最多两位小数';
  if (typeof min === 'number' && typeof max === 'number' && min > max) errors.amountMaxFen = '金额上限不能低于下限';
  const certifications = splitCertifications(f.certifications);
  if (certifications.length > 10) errors.certifications = '资质认证最多 10 项';
  else if (certifications.some((c) => c.length > 40)) errors.certifications = '每项资质认证最多 40 字';
  if (!f.contactName.trim()) errors.contactName = '请填写联系人';
  else if (f.contactName.trim().length > 40) errors.contactName = '联系人最多 40 字';
  if (!/^1[3-9]\d{9}$/.test(f.contactPhone.trim())) errors.contactPhone = '请填写 11 位手机号';
  if (f.answer.length > 500) errors.answer = '补充说明最多 500 字';
  if (Object.keys(errors).length) return { errors };
  return {
    errors,
    body: {
      role: f.role as ParticipantRole, offers: f.offers.trim(), needs: f.needs.trim(),
      amountMinFen: min as number | null, amountMaxFen: max as number | null, certifications,
      contactName: f.contactName.trim(), contactPhone: f.contactPhone.trim(), answer: f.answer.trim() || null,
    },
  };
}
