import { describe, expect, it } from 'vitest';
import type { Invitation } from '../../../api/fairScreening';
import { invitationState, namedBody, revocable } from './invitationState';

const now = Date.parse('2026-12-07T08:00:00Z');
const named = (over: Partial<Invitation>): Invitation => ({
  id: 1, note: '芜湖链主', maxUses: 1, used: 0, createdAt: '2026-12-01T00:00:00Z', revokedAt: null,
  inviteeName: '芜湖链主', enterpriseId: null, contactPhone: '13912345678', contactEmail: null,
  expiresAt: '2026-12-10T00:00:00Z', openedAt: null, registered: null, ...over,
});

describe('named invitations', () => {
  it('tell revoked, registered, expired, opened and sent apart', () => {
    expect(invitationState(named({}), now)).toBe('SENT');
    expect(invitationState(named({ openedAt: '2026-12-02T00:00:00Z' }), now)).toBe('OPENED');
    expect(invitationState(named({ expiresAt: '2026-12-07T08:00:00Z' }), now)).toBe('EXPIRED');
    expect(invitationState(named({ used: 1, registered: { participantId: 3, enterpriseName: '芜湖链主', status: 'PENDING' } }), now))
      .toBe('REGISTERED');
    expect(invitationState(named({ revokedAt: '2026-12-03T00:00:00Z', used: 1 }), now)).toBe('REVOKED');
    expect(revocable(named({ openedAt: '2026-12-02T00:00:00Z' }), now)).toBe(true);
    expect(revocable(named({ expiresAt: '2026-12-01T00:00:00Z' }), now)).toBe(false);
  });

  it('need a name and a phone or an e-mail, unless a known enterprise is picked', () => {
    const blank = { picked: null, name: '', phone: '', email: '', days: '14' };
    expect(namedBody(blank)).toEqual({ errors: { inviteeName: '请填写受邀企业名称，或从已知企业中选择', contactPhone: '请填写联系电话或邮箱' } });
    expect(namedBody({ ...blank, name: '某企业', phone: '1381234', days: '0' }))
      .toEqual({ errors: { validDays: '有效期为 1–60 天', contactPhone: '请填写 11 位手机号' } });
    expect(namedBody({ ...blank, name: '某企业', email: 'a@b' })).toEqual({ errors: { contactEmail: '邮箱格式不正确' } });
    expect(namedBody({ ...blank, name: ' 某企业 ', email: 'buy@x.cn', days: '7' }))
      .toEqual({ body: { inviteeName: '某企业', contactPhone: undefined, contactEmail: 'buy@x.cn', validDays: 7 } });
    expect(namedBody({ ...blank, picked: { id: 9, name: '合肥精铸', region: '合肥' } }))
      .toEqual({ body: { enterpriseId: 9, validDays: 14 } });
  });
});
