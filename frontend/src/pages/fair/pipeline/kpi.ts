import { PIPELINE_LINE, STAGE_LABELS, formatAmount } from '../../../api/fairPipeline';
import type { FairFigure, FairKpi, PairStage } from '../../../api/fairPipeline';
import { formatCount } from '../../../lib/format';

export const FIGURE_LABELS: Record<FairFigure, string> = {
  ENTERPRISES: '报名企业',
  APPROVED: '审核通过',
  LISTINGS: '供需信息',
  MATCHES: '匹配对数',
  MEETINGS_BOOKED: '已约洽谈',
  MEETINGS_HELD: '已举行洽谈',
  NO_SHOWS: '爽约',
  INTENTIONS: '意向',
  SIGNED: '签约',
  INTENDED_AMOUNT_FEN: '意向金额',
  SIGNED_AMOUNT_FEN: '签约金额',
};

/** The figures in the order cards and tables show them. */
export const FIGURES: FairFigure[] = [
  'ENTERPRISES', 'APPROVED', 'LISTINGS', 'MATCHES', 'MEETINGS_BOOKED', 'MEETINGS_HELD', 'NO_SHOWS', 'INTENTIONS',
  'SIGNED', 'INTENDED_AMOUNT_FEN', 'SIGNED_AMOUNT_FEN',
];

/** A figure as a card shows it: counts the Chinese way, amounts in 万元/亿元. */
export function formatFigure(figure: FairFigure, value: number | undefined): string {
  if (figure === 'INTENDED_AMOUNT_FEN' || figure === 'SIGNED_AMOUNT_FEN') return formatAmount(value ?? 0);
  return formatCount(value ?? 0);
}

export interface FunnelLevel {
  stage: PairStage;
  name: string;
  value: number;
}

/**
 * The funnel of a fair's pairs: how many got at least as far as each stage (a pair at 已签约 also counts as 已洽谈);
 * 已匹配 counts every pair, dropped ones included (where they dropped out is in their history).
 */
export function funnelOf(stages: FairKpi['stages']): FunnelLevel[] {
  const dropped = stages.DROPPED ?? 0;
  return PIPELINE_LINE.map((stage, i) => {
    const reached = PIPELINE_LINE.slice(i).reduce((sum, s) => sum + (stages[s] ?? 0), 0);
    return { stage, name: STAGE_LABELS[stage], value: i === 0 ? reached + dropped : reached };
  });
}

/** The signed share of the matched pairs, as a percentage text ("2.5%"), or — without pairs. */
export function signRate(stages: FairKpi['stages']): string {
  const levels = funnelOf(stages);
  const all = levels[0].value;
  if (all === 0) return '—';
  return `${((levels[levels.length - 1].value * 100) / all).toFixed(1).replace(/\.0$/, '')}%`;
}
