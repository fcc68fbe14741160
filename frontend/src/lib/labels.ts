import type { EnterpriseSize, Role, SpecialisationTier } from '../api/types';

export const ROLE_LABELS: Record<Role, string> = {
  VIEWER: '观众',
  MERCHANT: '商家',
  ORGANISER: '组织方',
  ADMIN: '管理员',
};

export const ALL_ROLES: Role[] = ['VIEWER', 'MERCHANT', 'ORGANISER', 'ADMIN'];

/** Most privileged first: the primary role shown next to a user's name. */
const ROLE_RANK: Role[] = ['ADMIN', 'ORGANISER', 'MERCHANT', 'VIEWER'];

export function primaryRole(roles: readonly Role[]): Role {
  return ROLE_RANK.find((r) => roles.includes(r)) ?? 'VIEWER';
}

export function roleLabel(role: Role): string {
  return ROLE_LABELS[role] ?? role;
}

export const SIZE_LABELS: Record<EnterpriseSize, string> = {
  MICRO: '微型',
  SMALL: '小型',
  MEDIUM: '中型',
  LARGE: '大型',
};

export const TIER_LABELS: Record<SpecialisationTier, string> = {
  NONE: '无',
  INNOVATIVE_SME: '创新型中小企业',
  SPECIALISED: '专精特新',
  LITTLE_GIANT: '专精特新“小巨人”',
  SINGLE_CHAMPION: '单项冠军',
};
