// Named invitations (one enterprise each): their state as the organisers see it, and the form's checks.
import type { Invitation, NamedInvitationBody, KnownEnterprise } from '../../../api/fairScreening';

export type InvitationState = 'REVOKED' | 'REGISTERED' | 'EXPIRED' | 'OPENED' | 'SENT';

export const INVITATION_STATE_TEXT: Record<InvitationState, string> = {
  REVOKED: '已撤销',
  REGISTERED: '已报名',
  EXPIRED: '已过期',
  OPENED: '已打开，未报名',
  SENT: '未打开',
};

/** Where a named invitation stands at {@code now}: revoked, registered, expired, opened or only sent. */
export function invitationState(i: Invitation, now: number): InvitationState {
  if (i.revokedAt) return 'REVOKED';
  if (i.registered || i.used >= i.maxUses) return 'REGISTERED';
  if (i.expiresAt && Date.parse(i.expiresAt) <= now) return 'EXPIRED';
  return i.openedAt ? 'OPENED' : 'SENT';
}

/** Whether the organisers may still revoke it (not revoked, not used, not expired). */
export const revocable = (i: Invitation, now: number) => ['OPENED', 'SENT'].includes(invitationState(i, now));

export interface NamedForm {
  picked: KnownEnterprise | null;
  name: string;
  phone: string;
  email: string;
  days: string;
}

/** The form as a request body, or the field errors (the server checks again). */
export function namedBody(f: NamedForm): { body: NamedInvitationBody } | { errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const days = Number(f.days);
  if (!Number.isInteger(days) || days < 1 || days > 60) errors.validDays = '有效期为 1–60 天';
  if (f.picked) {
    return Object.keys(errors).length ? { errors } : { body: { enterpriseId: f.picked.id, validDays: days } };
  }
  const name = f.name.trim();
  const phone = f.phone.trim();
  const email = f.email.trim();
  if (!name) errors.inviteeName = '请填写受邀企业名称，或从已知企业中选择';
  if (phone && !/^1[3-9]\d{9}$/.test(phone)) errors.contactPhone = '请填写 11 位手机号';
  if (email && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) errors.contactEmail = '邮箱格式不正确';
  if (!phone && !email) errors.contactPhone = '请填写联系电话或邮箱';
  if (Object.keys(errors).length) return { errors };
  return {
    body: { inviteeName: name, contactPhone: phone || undefined, contactEmail: email || undefined, validDays: days },
  };
}
