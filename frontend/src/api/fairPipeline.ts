// The deal pipeline of fairs and the organisers' KPIs (docs/api.md "Fairs — pipeline and KPIs"). Types mirror the
// server's answers; amounts are integer fen.
import { request } from './client';
import { downloadFile } from './download';
import type { Page } from './types';

export type PairStage = 'MATCHED' | 'CONTACTED' | 'MET' | 'INTENTION' | 'SIGNED' | 'DROPPED';
export type ParticipantRole = 'SUPPLIER' | 'BUYER' | 'BOTH' | 'PROJECT' | 'INVESTOR';
export type FairFigure =
  | 'ENTERPRISES'
  | 'APPROVED'
  | 'LISTINGS'
  | 'MATCHES'
  | 'MEETINGS_BOOKED'
  | 'MEETINGS_HELD'
  | 'NO_SHOWS'
  | 'INTENTIONS'
  | 'SIGNED'
  | 'INTENDED_AMOUNT_FEN'
  | 'SIGNED_AMOUNT_FEN';

export interface PairSide {
  participantId: number;
  enterpriseId: number;
  name: string;
  role: ParticipantRole;
  region: string;
}

export interface Pair {
  id: number;
  fairId: number;
  low: PairSide;
  high: PairSide;
  stage: PairStage;
  intendedAmountFen: number | null;
  /** yyyy-mm-dd */
  intendedOn: string | null;
  signedAmountFen: number | null;
  signedOn: string | null;
  note: string;
  dropReason: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface PairHistoryEntry {
  id: number;
  /** null: recorded automatically (matching, meetings) */
  by: string | null;
  /** null: the pair was created */
  from: PairStage | null;
  to: PairStage;
  reason: string | null;
  note: string | null;
  intendedAmountFen: number | null;
  signedAmountFen: number | null;
  at: string;
}

export interface PairDetail {
  pair: Pair;
  /** the caller's participant id in the pair; absent for an organiser */
  mine?: number | null;
  history: PairHistoryEntry[];
}

export interface MyPairs {
  participantId: number;
  pairs: Page<Pair>;
}

export interface PairChange {
  version: number;
  stage: PairStage;
  intendedAmountFen: number | null;
  intendedOn: string | null;
  signedAmountFen: number | null;
  signedOn: string | null;
  note: string | null;
  reason: string | null;
}

export interface FairKpi {
  fairId: number;
  title: string;
  startsAt: string;
  endsAt: string;
  figures: Record<FairFigure, number>;
  stages: Record<PairStage, number>;
  at: string;
}

export interface KpiTable {
  fairs: FairKpi[];
  total: Record<FairFigure, number>;
  at: string;
}

const id = (n: number) => encodeURIComponent(String(n));

export const pipelineApi = {
  mine: (fairId: number, after: string | null, signal?: AbortSignal) =>
    request<MyPairs>(`/api/fairs/${id(fairId)}/pipeline/pairs`, { query: { after: after ?? undefined }, signal }),
  pair: (fairId: number, pairId: number, signal?: AbortSignal) =>
    request<PairDetail>(`/api/fairs/${id(fairId)}/pipeline/pairs/${id(pairId)}`, { signal }),
  update: (fairId: number, pairId: number, body: PairChange) =>
    request<PairDetail>(`/api/fairs/${id(fairId)}/pipeline/pairs/${id(pairId)}`, { method: 'PUT', body }),
  ofFair: (fairId: number, stage: PairStage | '', after: string | null, signal?: AbortSignal) =>
    request<Page<Pair>>(`/api/organiser/fairs/${id(fairId)}/pipeline/pairs`, {
      query: { stage: stage || undefined, after: after ?? undefined },
      signal,
    }),
  downloadPairsCsv: (fairId: number) =>
    downloadFile(`/api/organiser/fairs/${id(fairId)}/pipeline/pairs.csv`, `对接记录-${fairId}.csv`),
  kpi: (fairId: number, signal?: AbortSignal) => request<FairKpi>(`/api/organiser/fairs/${id(fairId)}/kpi`, { signal }),
  kpiTable: (signal?: AbortSignal) => request<KpiTable>('/api/organiser/fairs/kpi', { signal }),
  downloadKpiCsv: () => downloadFile('/api/organiser/fairs/kpi.csv', '对接会成效.csv'),
};

/** The stages along the way, in order (DROPPED is off the line). */
export const PIPELINE_LINE: PairStage[] = ['MATCHED', 'CONTACTED', 'MET', 'INTENTION', 'SIGNED'];

export const STAGE_LABELS: Record<PairStage, string> = {
  MATCHED: '已匹配',
  CONTACTED: '已联系',
  MET: '已洽谈',
  INTENTION: '达成意向',
  SIGNED: '已签约',
  DROPPED: '已放弃',
};

export const ROLE_LABELS: Record<ParticipantRole, string> = {
  SUPPLIER: '供应方',
  BUYER: '采购方',
  BOTH: '供需双方',
  PROJECT: '融资项目',
  INVESTOR: '投资机构',
};

/** Whether moving `from` → `to` needs a reason (a step back, a drop, reopening a dropped pair) — the server's rule. */
export function needsReason(from: PairStage, to: PairStage): boolean {
  if (from === to) return false;
  if (to === 'DROPPED' || from === 'DROPPED') return true;
  return PIPELINE_LINE.indexOf(to) < PIPELINE_LINE.indexOf(from);
}

/** Fen as the pipeline shows amounts: 480000000 → "480万元", 12345 → "123.45元". */
export function formatAmount(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return '—';
  const yuan = fen / 100;
  if (Math.abs(yuan) >= 1e8) return `${trim(yuan / 1e8)}亿元`;
  if (Math.abs(yuan) >= 1e4) return `${trim(yuan / 1e4)}万元`;
  return `${Number.isInteger(yuan) ? yuan : yuan.toFixed(2)}元`;
}

function trim(x: number): string {
  return x.toFixed(2).replace(/\.?0+$/, '');
}

/** 万元 as typed ("12.5") → fen, or null for empty; undefined when it is no amount. */
export function wanToFen(text: string): number | null | undefined {
  const t = text.trim();
  if (t === '') return null;
  if (!/^\d{1,9}(\.\d{1,6})?$/.test(t)) return undefined;
  const fen = Math.round(Number(t) * 1_000_000);
  return fen > 0 ? fen : undefined;
}

/** fen → 万元 for an input ("12.5"), empty for none. */
export function fenToWan(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return '';
  return String(Number((fen / 1_000_000).toFixed(6)));
}
