import { describe, expect, it } from 'vitest';
import { fenToWan, formatAmount, needsReason, wanToFen } from '../../../api/fairPipeline';
import type { Pair } from '../../../api/fairPipeline';
import { funnelOf, signRate } from './kpi';
import { changeOf, formOf } from './pairForm';

const side = (id: number, name: string) => ({ participantId: id, enterpriseId: id, name, role: 'SUPPLIER' as const, region: '合肥' });
const pair: Pair = {
  id: 5, fairId: 9, low: side(1, '甲'), high: side(2, '乙'), stage: 'MET', intendedAmountFen: null, intendedOn: null,
  signedAmountFen: null, signedOn: null, note: '', dropReason: null, version: 3,
  createdAt: '2026-12-07T00:00:00Z', updatedAt: '2026-12-07T00:00:00Z',
};

describe('pipeline rules on the client', () => {
  it('needs a reason for a step back, a drop or a reopening only', () => {
    expect(needsReason('MET', 'SIGNED')).toBe(false);
    expect(needsReason('MET', 'MET')).toBe(false);
    expect(needsReason('MET', 'CONTACTED')).toBe(true);
    expect(needsReason('SIGNED', 'DROPPED')).toBe(true);
    expect(needsReason('DROPPED', 'MATCHED')).toBe(true);
  });

  it('asks for the amounts and dates each stage needs, as the server does', () => {
    expect(changeOf(pair, { ...formOf(pair), stage: 'INTENTION' }).errors).toEqual({ intendedAmountFen: '达成意向请填写意向金额' });
    expect(changeOf(pair, { ...formOf(pair), stage: 'SIGNED' }).errors).toEqual({
      signedAmountFen: '签约请填写签约金额', signedOn: '签约请填写签约日期',
    });
    expect(changeOf(pair, { ...formOf(pair), stage: 'CONTACTED' }).errors.reason).toBe('退回到之前的阶段请填写原因');
    expect(changeOf(pair, { ...formOf(pair), stage: 'DROPPED' }).errors.reason).toBe('放弃对接请填写原因');
    expect(changeOf(pair, { ...formOf(pair), stage: 'INTENTION', intended: '12abc' }).errors.intendedAmountFen)
      .toBe('请填写正确的金额（万元，最多 1 万亿元）');
    const ok = changeOf(pair, { ...formOf(pair), stage: 'SIGNED', signed: '480', signedOn: '2026-12-08', note: ' 合同已盖章 ' });
    expect(ok.errors).toEqual({});
    expect(ok.change).toEqual({
      version: 3, stage: 'SIGNED', intendedAmountFen: null, intendedOn: null, signedAmountFen: 480_000_000,
      signedOn: '2026-12-08', note: '合同已盖章', reason: null,
    });
  });

  it('converts 万元 and shows amounts the Chinese way', () => {
    expect(wanToFen('12.5')).toBe(12_500_000);
    expect(wanToFen('')).toBeNull();
    expect(wanToFen('0')).toBeUndefined();
    expect(wanToFen('-1')).toBeUndefined();
    expect(fenToWan(480_000_000)).toBe('480');
    expect(fenToWan(null)).toBe('');
    expect(formatAmount(480_000_000)).toBe('480万元');
    expect(formatAmount(12_345)).toBe('123.45元');
    expect(formatAmount(25_000_000_000)).toBe('2.5亿元');
    expect(formatAmount(null)).toBe('—');
  });
});

describe('the funnel', () => {
  it('counts every pair that got at least as far as each stage', () => {
    const stages = { MATCHED: 50, CONTACTED: 20, MET: 10, INTENTION: 7, SIGNED: 3, DROPPED: 10 };
    expect(funnelOf(stages).map((l) => [l.name, l.value])).toEqual([
      ['已匹配', 100], ['已联系', 40], ['已洽谈', 20], ['达成意向', 10], ['已签约', 3],
    ]);
    expect(signRate(stages)).toBe('3%');
    expect(signRate({ MATCHED: 0, CONTACTED: 0, MET: 0, INTENTION: 0, SIGNED: 0, DROPPED: 0 })).toBe('—');
  });
});
