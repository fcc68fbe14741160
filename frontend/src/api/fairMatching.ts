// Fair matching (docs/api.md "Fairs — matching"): my ranked matches with the parts of each score, and the
// organisers' summary, matched pairs, participants with no match yet, manual matches and the recompute button.
import { request } from './client';
import type { Page } from './types';

export type ScorePartKind = 'CATEGORY' | 'KEYWORDS' | 'REGION' | 'COMPLEMENT' | 'AMOUNT';

export interface ScorePart {
  kind: ScorePartKind;
  points: number;
  /** Chinese, e.g. "同属汽车零部件及配件制造", "关键词：铝合金、压铸", "同在合肥" */
  text: string;
}

export interface MyListing {
  id: number;
  title: string;
  side: 'SUPPLY' | 'DEMAND';
}

export interface Counterpart {
  listingId: number;
  title: string;
  side: 'SUPPLY' | 'DEMAND';
  /** null for a roadshow questionnaire's entry (no category) */
  category: string | null;
  categoryName: string | null;
  region: string;
  participantId: number;
  enterpriseName: string;
}

export interface FairMatch {
  listingId: number;
  listingTitle: string;
  counterpart: Counterpart;
  score: number;
  parts: ScorePart[];
}

export interface Recommended {
  participantId: number;
  enterpriseName: string;
  role: string;
  note: string;
  createdAt: string;
}

export interface MyMatches {
  listings: MyListing[];
  matches: FairMatch[];
  recommended: Recommended[];
  /** cursor of the next page of matches (`after`), null on the last */
  next: string | null;
}

export interface Party {
  participantId: number;
  enterpriseName: string;
  role: string;
  region: string;
  industry: string;
}

export interface MatchedPair {
  id: number;
  a: Party;
  b: Party;
  manual: boolean;
  note: string | null;
  bestScore: number | null;
  createdAt: string;
}

export interface MatchRun {
  startedAt: string;
  finishedAt: string | null;
  listings: number;
  matches: number;
  millis: number | null;
}

export interface MatchSummary {
  approved: number;
  pairs: number;
  manualPairs: number;
  unmatched: number;
  listingMatches: number;
  lastRun: MatchRun | null;
}

export const fairMatchingApi = {
  mine: (fairId: number, listingId: number | null, after: string | null = null, signal?: AbortSignal) =>
    request<MyMatches>(`/api/fairs/${fairId}/matches`, { query: { listingId, after }, signal }),
};

export const organiserMatchingApi = {
  summary: (fairId: number, signal?: AbortSignal) =>
    request<MatchSummary>(`/api/organiser/fairs/${fairId}/matches`, { signal }),
  pairs: (fairId: number, after: string | null, signal?: AbortSignal) =>
    request<Page<MatchedPair>>(`/api/organiser/fairs/${fairId}/matches/pairs`, { query: { after, limit: 50 }, signal }),
  unmatched: (fairId: number, after: string | null, signal?: AbortSignal) =>
    request<Page<Party>>(`/api/organiser/fairs/${fairId}/matches/unmatched`, { query: { after, limit: 50 }, signal }),
  participants: (fairId: number, q: string, signal?: AbortSignal) =>
    request<Party[]>(`/api/organiser/fairs/${fairId}/matches/participants`, { query: { q }, signal }),
  match: (fairId: number, body: { participantA: number; participantB: number; note: string }) =>
    request<MatchedPair>(`/api/organiser/fairs/${fairId}/matches`, { method: 'POST', body }),
  recompute: (fairId: number) =>
    request<{ queued: boolean }>(`/api/organiser/fairs/${fairId}/matches/recompute`, { method: 'POST' }),
};

/** 供 / 需 of a listing side. */
export function sideLabel(side: 'SUPPLY' | 'DEMAND'): string {
  return side === 'SUPPLY' ? '供' : '需';
}

const ROLES: Record<string, string> = {
  SUPPLIER: '供应商', BUYER: '采购商', BOTH: '供需兼有', PROJECT: '融资项目', INVESTOR: '投资机构',
};

export function roleLabel(role: string): string {
  return ROLES[role] ?? role;
}
