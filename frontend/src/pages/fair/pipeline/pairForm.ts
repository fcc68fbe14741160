import { fenToWan, needsReason, wanToFen } from '../../../api/fairPipeline';
import type { Pair, PairChange, PairStage } from '../../../api/fairPipeline';

/** What the pair form holds: amounts as 万元 text, dates as yyyy-mm-dd. */
export interface PairFormState {
  stage: PairStage;
  intended: string;
  intendedOn: string;
  signed: string;
  signedOn: string;
  note: string;
  reason: string;
}

export function formOf(pair: Pair): PairFormState {
  return {
    stage: pair.stage,
    intended: fenToWan(pair.intendedAmountFen),
    intendedOn: pair.intendedOn ?? '',
    signed: fenToWan(pair.signedAmountFen),
    signedOn: pair.signedOn ?? '',
    note: '',
    reason: '',
  };
}

const MAX_WAN = 100_000_000; // 1 万亿元

/**
 * The change to send, or the field errors the server would answer (the same rules: a reason for a step back, a drop
 * or a reopening; an intended amount for 达成意向; a signed amount and date for 已签约).
 */
export function changeOf(pair: Pair, f: PairFormState): { change?: PairChange; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const intended = wanToFen(f.intended);
  const signed = wanToFen(f.signed);
  if (intended === undefined || (intended !== null && intended > MAX_WAN * 1_000_000)) {
    errors.intendedAmountFen = '请填写正确的金额（万元，最多 1 万亿元）';
  }
  if (signed === undefined || (signed !== null && signed > MAX_WAN * 1_000_000)) {
    errors.signedAmountFen = '请填写正确的金额（万元，最多 1 万亿元）';
  }
  if (needsReason(pair.stage, f.stage) && !f.reason.trim()) {
    errors.reason = f.stage === 'DROPPED' ? '放弃对接请填写原因'
      : pair.stage === 'DROPPED' ? '重新跟进已放弃的对接请填写原因' : '退回到之前的阶段请填写原因';
  }
  if (f.stage === 'INTENTION' && intended === null) errors.intendedAmountFen = '达成意向请填写意向金额';
  if (f.stage === 'SIGNED' && signed === null) errors.signedAmountFen = '签约请填写签约金额';
  if (f.stage === 'SIGNED' && !f.signedOn) errors.signedOn = '签约请填写签约日期';
  if (f.note.length > 1000) errors.note = '备注最多 1000 字';
  if (f.reason.length > 500) errors.reason = '原因最多 500 字';
  if (Object.keys(errors).length > 0) return { errors };
  return {
    errors,
    change: {
      version: pair.version,
      stage: f.stage,
      intendedAmountFen: intended ?? null,
      intendedOn: f.intendedOn || null,
      signedAmountFen: signed ?? null,
      signedOn: f.signedOn || null,
      note: f.note.trim() || null,
      reason: f.reason.trim() || null,
    },
  };
}
