import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Pair, PairDetail } from '../../../api/fairPipeline';
import { makeUser, renderWithAuth } from '../../../test/renderWithAuth';
import { PairPanel } from './PairPanel';

const side = (id: number, name: string, role: 'SUPPLIER' | 'BUYER') => ({ participantId: id, enterpriseId: id, name, role, region: '合肥' });
const pair: Pair = {
  id: 5, fairId: 9, low: side(1, '合肥精工铝业', 'SUPPLIER'), high: side(2, '芜湖远航汽车部件', 'BUYER'), stage: 'MET',
  intendedAmountFen: null, intendedOn: null, signedAmountFen: null, signedOn: null, note: '', dropReason: null,
  version: 2, createdAt: '2026-12-07T00:00:00Z', updatedAt: '2026-12-07T00:00:00Z',
};
const detail: PairDetail = {
  pair, mine: 2,
  history: [{ id: 1, by: null, from: null, to: 'MATCHED', reason: null, note: null, intendedAmountFen: null, signedAmountFen: null, at: '2026-12-07T00:00:00Z' }],
};

describe('PairPanel', () => {
  it('shows my counterpart first, checks the rules before sending and signs the pair', async () => {
    const puts: unknown[] = [];
    renderWithAuth(<PairPanel fairId={9} pairId={5} />, makeUser(['VIEWER']), '/', async (input, init) => {
      if (String(input).endsWith('/api/fairs/9/pipeline/pairs/5') && init?.method === 'PUT') {
        puts.push(JSON.parse(String(init.body)));
        const signed = { ...pair, stage: 'SIGNED' as const, signedAmountFen: 480_000_000, signedOn: '2026-12-08', version: 3 };
        return Response.json({ pair: signed, mine: 2, history: [
          { id: 2, by: '张三', from: 'MET', to: 'SIGNED', reason: null, note: null, intendedAmountFen: null, signedAmountFen: 480_000_000, at: '2026-12-07T01:00:00Z' },
          ...detail.history] });
      }
      if (String(input).endsWith('/api/fairs/9/pipeline/pairs/5')) return Response.json(detail);
      return Response.json(makeUser(['VIEWER']));
    });
    await waitFor(() => expect(screen.getByTestId('pair-panel')).toBeTruthy());
    expect(screen.getByTestId('pair-panel').querySelector('.pair-sides')!.textContent).toMatch(/^芜湖远航汽车部件.*合肥精工铝业/);
    expect(screen.getByTestId('stage-stepper').getAttribute('data-stage')).toBe('MET');
    expect(screen.getByTestId('pair-history').textContent).toContain('系统自动记录');

    fireEvent.click(screen.getByTestId('stage-CONTACTED'));
    await act(async () => fireEvent.click(screen.getByTestId('pair-save')));
    expect(screen.getByTestId('error-pair-reason').textContent).toBe('退回到之前的阶段请填写原因');

    fireEvent.click(screen.getByTestId('stage-SIGNED'));
    await act(async () => fireEvent.click(screen.getByTestId('pair-save')));
    expect(screen.getByTestId('error-pair-signed').textContent).toBe('签约请填写签约金额');
    expect(screen.getByTestId('error-pair-signed-on').textContent).toBe('签约请填写签约日期');
    expect(puts).toHaveLength(0);

    fireEvent.change(screen.getByTestId('pair-signed'), { target: { value: '480' } });
    fireEvent.change(screen.getByTestId('pair-signed-on'), { target: { value: '2026-12-08' } });
    await act(async () => fireEvent.click(screen.getByTestId('pair-save')));
    await waitFor(() => expect(screen.getByTestId('stage-stepper').getAttribute('data-stage')).toBe('SIGNED'));
    expect(puts).toEqual([{ version: 2, stage: 'SIGNED', intendedAmountFen: null, intendedOn: null,
      signedAmountFen: 480_000_000, signedOn: '2026-12-08', note: null, reason: null }]);
    expect(screen.getByTestId('pair-signed-amount').textContent).toBe('480万元2026-12-08');
    expect(screen.getByTestId('pair-history').textContent).toContain('已洽谈 → 已签约');
  });

  it('tells about a change made meanwhile and offers to reload', async () => {
    renderWithAuth(<PairPanel fairId={9} pairId={5} />, makeUser(['VIEWER']), '/', async (input, init) => {
      if (init?.method === 'PUT') {
        return new Response(JSON.stringify({ status: 409, title: 'Conflict', detail: '对接记录已被他人更新，请刷新后再保存' }),
          { status: 409, headers: { 'Content-Type': 'application/problem+json' } });
      }
      if (String(input).endsWith('/api/fairs/9/pipeline/pairs/5')) return Response.json(detail);
      return Response.json(makeUser(['VIEWER']));
    });
    await waitFor(() => expect(screen.getByTestId('pair-panel')).toBeTruthy());
    fireEvent.change(screen.getByTestId('pair-note'), { target: { value: '电话沟通了交期' } });
    await act(async () => fireEvent.click(screen.getByTestId('pair-save')));
    await waitFor(() => expect(screen.getByTestId('form-alert').textContent).toBe('对接记录已被他人更新，请刷新后再保存'));
    expect(screen.getByTestId('pair-reload')).toBeTruthy();
    expect((screen.getByTestId('pair-save') as HTMLButtonElement).disabled).toBe(true);
  });
});
