import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ParticipantRow } from '../../../api/fairScreening';
import { clearSession } from '../../../auth/session';
import { makeUser, renderWithAuth } from '../../../test/renderWithAuth';
import { ScreeningQueue, decisionsFor } from './ScreeningQueue';

type Call = { url: string; method: string; body: unknown };

const row = (over: Partial<ParticipantRow> = {}): ParticipantRow => ({ id: 11, fairId: 7, enterpriseId: 3, enterpriseName: '合肥精铸',
  creditCode: '91340100MA2RF00010', region: '安徽省合肥市', industry: '汽车零部件', size: 'SMALL', tier: 'NONE', role: 'SUPPLIER',
  status: 'PENDING', offers: '压铸件', needs: '', amountMinFen: 10_000_000, amountMaxFen: 200_000_000, certifications: ['ISO 9001'],
  contactName: '张三', contactPhone: '13812341234', invited: true, reason: null, createdAt: '2026-12-07T01:00:00Z',
  updatedAt: '2026-12-07T01:00:00Z', ...over });

function serve(answers: Record<string, unknown>, calls: Call[]) {
  return async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    const method = init?.method ?? 'GET';
    calls.push({ url, method, body: init?.body ? JSON.parse(String(init.body)) : undefined });
    const key = `${method} ${url}`;
    return key in answers ? Response.json(answers[key]) : Response.json(makeUser(['ORGANISER']));
  };
}

afterEach(() => {
  clearSession();
  vi.restoreAllMocks();
});

describe('ScreeningQueue', () => {
  it('offers the decisions each status allows', () => {
    expect(decisionsFor('PENDING')).toEqual(['approve', 'needsInfo', 'reject']);
    expect(decisionsFor('APPROVED')).toEqual(['reject']);
    expect(decisionsFor('REJECTED')).toEqual([]);
    expect(decisionsFor('WITHDRAWN')).toEqual([]);
  });

  it('asks for a reason before asking an enterprise for more and updates the row and the counts', async () => {
    const calls: Call[] = [];
    renderWithAuth(<ScreeningQueue fairId={7} kind="PROCUREMENT" />, makeUser(['ORGANISER']), '/organiser/fairs/7', serve({
      'GET /api/organiser/fairs/7/participants?status=PENDING': { items: [row()], next: null },
      'GET /api/organiser/fairs/7/screening': { byStatus: { PENDING: 1 }, approved: 0, capacity: 50 },
      'POST /api/organiser/fair-participants/11/needs-info': { participant: row({ status: 'NEEDS_INFO', reason: '请补充证书' }), history: [] },
    }, calls));
    expect(await screen.findByText('合肥精铸')).toBeTruthy();
    expect(screen.getByText(/10万元–200万元/)).toBeTruthy();
    expect(screen.getByTestId('count-PENDING').textContent).toBe('待审核 1');
    fireEvent.click(screen.getByTestId('decide-needsInfo'));
    fireEvent.click(screen.getByTestId('decision-confirm'));
    expect(await screen.findByText('请填写需要补充的资料')).toBeTruthy();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
    fireEvent.change(screen.getByTestId('decision-reason'), { target: { value: '请补充证书' } });
    fireEvent.click(screen.getByTestId('decision-confirm'));
    await waitFor(() => expect(screen.getByText('原因：请补充证书')).toBeTruthy());
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ reason: '请补充证书' });
    expect(screen.queryByTestId('decide-approve')).toBeNull();
    expect(calls.filter((c) => c.url === '/api/organiser/fairs/7/screening')).toHaveLength(2);
  });
});
