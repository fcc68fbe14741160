import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { describe, expect, it, vi } from 'vitest';
import type { FairKpi, Pair } from '../../../api/fairPipeline';
import { fakeRealtime } from '../../../test/realtime';
import { makeUser, renderWithAuth } from '../../../test/renderWithAuth';
import { OrganiserPipelinePage } from './OrganiserPipelinePage';

vi.mock('./FunnelChart', () => ({
  FunnelChart: ({ levels }: { levels: Array<{ stage: string; value: number }> }) => (
    <ol data-testid="funnel">{levels.map((l) => <li key={l.stage} data-testid={`funnel-${l.stage}`}>{l.value}</li>)}</ol>
  ),
}));

const figures = {
  ENTERPRISES: 2100, APPROVED: 1900, LISTINGS: 10000, MATCHES: 800, MEETINGS_BOOKED: 120, MEETINGS_HELD: 90, NO_SHOWS: 6,
  INTENTIONS: 7, SIGNED: 1, INTENDED_AMOUNT_FEN: 620_000_000, SIGNED_AMOUNT_FEN: 480_000_000,
};
const kpi: FairKpi = {
  fairId: 9, title: '安徽采购对接会', startsAt: '2026-12-08T01:00:00Z', endsAt: '2026-12-09T09:00:00Z', figures,
  stages: { MATCHED: 5, CONTACTED: 2, MET: 1, INTENTION: 6, SIGNED: 1, DROPPED: 1 }, at: '2026-12-07T05:00:00Z',
};
const side = (id: number, name: string) => ({ participantId: id, enterpriseId: id, name, role: 'BUYER' as const, region: '合肥' });
const pair = (id: number, stage: Pair['stage']): Pair => ({
  id, fairId: 9, low: side(id * 10, `企业${id}甲`), high: side(id * 10 + 1, `企业${id}乙`), stage, intendedAmountFen: null,
  intendedOn: null, signedAmountFen: stage === 'SIGNED' ? 480_000_000 : null, signedOn: null, note: '', dropReason: null,
  version: 0, createdAt: kpi.at, updatedAt: kpi.at,
});

describe('OrganiserPipelinePage', () => {
  it('shows the KPIs, updates them from the live topic and filters the pairs by stage', async () => {
    const realtime = fakeRealtime();
    const urls: string[] = [];
    renderWithAuth(
      realtime.wrap(<Routes><Route path="/organiser/fairs/:id/pipeline" element={<OrganiserPipelinePage />} /></Routes>),
      makeUser(['ORGANISER']), '/organiser/fairs/9/pipeline',
      async (input) => {
        const url = String(input);
        urls.push(url);
        if (url.endsWith('/api/organiser/fairs/9/kpi')) return Response.json(kpi);
        if (url.includes('/pipeline/pairs?stage=SIGNED')) return Response.json({ items: [pair(2, 'SIGNED')], next: null });
        if (url.includes('/pipeline/pairs')) return Response.json({ items: [pair(1, 'MET'), pair(2, 'SIGNED')], next: null });
        return Response.json(makeUser(['ORGANISER']));
      });
    await waitFor(() => expect(screen.getByTestId('kpi-SIGNED').textContent).toBe('签约1'));
    expect(screen.getByTestId('kpi-SIGNED_AMOUNT_FEN').textContent).toBe('签约金额480万元');
    expect(screen.getByTestId('kpi-LISTINGS').textContent).toBe('供需信息1万');
    expect(screen.getByTestId('funnel-MATCHED').textContent).toBe('16');
    expect(screen.getAllByTestId('pair-row')).toHaveLength(2);

    await realtime.connect();
    await waitFor(() => expect(realtime.fake.live('/topic/fair/9/kpi')).toHaveLength(1));
    realtime.deliver('/topic/fair/9/kpi', { ...kpi, figures: { ...figures, SIGNED: 2, SIGNED_AMOUNT_FEN: 500_000_000 },
      stages: { ...kpi.stages, INTENTION: 5, SIGNED: 2 }, at: '2026-12-07T05:00:01Z' });
    await waitFor(() => expect(screen.getByTestId('kpi-SIGNED').textContent).toBe('签约2'));
    expect(screen.getByTestId('kpi-SIGNED_AMOUNT_FEN').textContent).toBe('签约金额500万元');
    expect(screen.getByTestId('funnel-SIGNED').textContent).toBe('2');

    await act(async () => fireEvent.click(screen.getByTestId('filter-SIGNED')));
    await waitFor(() => expect(screen.getAllByTestId('pair-row')).toHaveLength(1));
    expect(urls.some((u) => u.includes('stage=SIGNED'))).toBe(true);
    expect(screen.getByTestId('pair-row').textContent).toContain('已签约');
  });
});
