// Labels and small rules of fairs shared by the fair pages: kinds, modes, statuses, roles, amounts in 元/万元.
import type { FairKind, FairMode, FairStatus, ParticipantRole, ParticipantStatus } from '../../api/fairScreening';

export const KIND_LABELS: Record<FairKind, string> = {
  PROCUREMENT: '采购对接',
  ROADSHOW: '投融资路演',
  CHAIN: '链主对接',
  CLOUD_EXPO: '云展会',
};

export const MODE_LABELS: Record<FairMode, string> = { ONLINE: '线上', OFFLINE: '线下', HYBRID: '线上＋线下' };

export const FAIR_STATUS_LABELS: Record<FairStatus, string> = { DRAFT: '草稿', PUBLISHED: '已发布', CANCELLED: '已取消' };

export const ROLE_LABELS: Record<ParticipantRole, string> = {
  SUPPLIER: '供应商',
  BUYER: '采购商',
  BOTH: '供采兼有',
  PROJECT: '项目方',
  INVESTOR: '投资方',
};

export const STATUS_LABELS: Record<ParticipantStatus, string> = {
  PENDING: '待审核',
  NEEDS_INFO: '待补充资料',
  APPROVED: '已通过',
  REJECTED: '未通过',
  WITHDRAWN: '已撤回',
};

/** The roles an enterprise may register in at a fair of this kind: projects and investors at a roadshow. */
export function rolesFor(kind: FairKind): ParticipantRole[] {
  return kind === 'ROADSHOW' ? ['PROJECT', 'INVESTOR'] : ['SUPPLIER', 'BUYER', 'BOTH'];
}

const FEN_PER_WAN = 1_000_000;

/** 12345600 fen → 12.35万元; 1e10 → 1亿元; 50000 → 500元. */
export function formatAmount(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return '—';
  const trim = (x: number) => x.toFixed(2).replace(/\.?0+$/, '');
  if (fen >= 10_000 * FEN_PER_WAN) return `${trim(fen / (10_000 * FEN_PER_WAN))}亿元`;
  if (fen >= FEN_PER_WAN) return `${trim(fen / FEN_PER_WAN)}万元`;
  return `${trim(fen / 100)}元`;
}

/** An amount range as one text: 10万–100万元, ≥ 10万元, ≤ 100万元, or null for none. */
export function formatRange(min: number | null, max: number | null): string | null {
  if (min === null && max === null) return null;
  if (min !== null && max !== null) {
    return min === max ? formatAmount(min) : `${formatAmount(min)}–${formatAmount(max)}`;
  }
  return min !== null ? `≥ ${formatAmount(min)}` : `≤ ${formatAmount(max)}`;
}

/** The largest amount the questionnaire takes: 100 亿元 (1e12 fen). */
export const MAX_WAN = 1_000_000;

/** Text typed in 万元 → fen; null for blank; 'invalid' for anything else than 0–1000000 with ≤ 2 decimals. */
export function parseWan(text: string): number | null | 'invalid' {
  const t = text.trim();
  if (!t) return null;
  if (!/^\d{1,7}(\.\d{1,2})?$/.test(t)) return 'invalid';
  const wan = Number(t);
  if (wan > MAX_WAN) return 'invalid';
  return Math.round(wan * FEN_PER_WAN);
}

/** fen → the 万元 text a form shows (blank for none). */
export function toWan(fen: number | null): string {
  return fen === null ? '' : String(Number((fen / FEN_PER_WAN).toFixed(2)));
}

/** 2 天 3 小时 / 3 小时 20 分 / 已开始, until `startsAt` from `now` (ms). */
export function countdown(startsAt: string, now: number): string | null {
  const ms = Date.parse(startsAt) - now;
  if (Number.isNaN(ms) || ms <= 0) return null;
  const minutes = Math.floor(ms / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  if (days > 0) return `${days} 天 ${hours} 小时`;
  return `${hours} 小时 ${minutes % 60} 分`;
}
