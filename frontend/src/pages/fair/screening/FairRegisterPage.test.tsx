import { fireEvent, screen, waitFor } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FairDetail, ParticipantRow, RegistrationView } from '../../../api/fairScreening';
import { clearSession } from '../../../auth/session';
import { makeUser, renderWithAuth } from '../../../test/renderWithAuth';
import { FairRegisterPage } from './FairRegisterPage';

type Call = { url: string; method: string; body: unknown };

const fair: FairDetail['fair'] = { id: 7, title: '合肥采购对接会', kind: 'PROCUREMENT', mode: 'HYBRID', visibility: 'PUBLIC',
  status: 'PUBLISHED', startsAt: '2026-12-20T01:00:00Z', endsAt: '2026-12-21T09:00:00Z', region: '安徽省合肥市', venue: '会展中心',
  organiser: '组织方', coverFileId: null, capacity: 100, approved: 3 };
const detail: FairDetail = { fair, summary: '', agenda: [], organisers: [], registered: 5, registrationOpen: true, mine: null, runs: false };
const row = (over: Partial<ParticipantRow> = {}): ParticipantRow => ({ id: 11, fairId: 7, enterpriseId: 3, enterpriseName: '合肥精铸',
  creditCode: '91340100MA2RF00010', region: '安徽省合肥市', industry: '汽车零部件', size: 'SMALL', tier: 'NONE', role: 'SUPPLIER',
  status: 'PENDING', offers: '压铸件', needs: '', amountMinFen: null, amountMaxFen: null, certifications: [], contactName: '张三',
  contactPhone: '13812341234', invited: false, reason: null, createdAt: '2026-12-07T01:00:00Z', updatedAt: '2026-12-07T01:00:00Z', ...over });
const view = (over: Partial<RegistrationView> = {}): RegistrationView => ({ enterprise: { id: 3, name: '合肥精铸' }, participant: null,
  history: [], registrationOpen: true, ...over });

function serve(answers: Record<string, unknown>, calls: Call[]) {
  return async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    const method = init?.method ?? 'GET';
    calls.push({ url, method, body: init?.body ? JSON.parse(String(init.body)) : undefined });
    const key = `${method} ${url}`;
    return key in answers ? Response.json(answers[key]) : Response.json(makeUser(['VIEWER']));
  };
}

function page(path: string, answers: Record<string, unknown>, calls: Call[]) {
  renderWithAuth(<Routes><Route path="/fairs/:id/register" element={<FairRegisterPage />} /></Routes>, makeUser(['VIEWER']), path,
    serve(answers, calls));
}

afterEach(() => {
  clearSession();
  vi.restoreAllMocks();
});

describe('FairRegisterPage', () => {
  it('tells an account without an enterprise to set one up first', async () => {
    page('/fairs/7/register', { 'GET /api/fairs/7': detail, 'GET /api/fairs/7/registration': view({ enterprise: null }) }, []);
    expect(await screen.findByTestId('enterprise-required')).toBeTruthy();
    expect(screen.queryByTestId('questionnaire')).toBeNull();
  });

  it('checks the questionnaire, registers through an invitation link and then shows the pending status', async () => {
    const calls: Call[] = [];
    page('/fairs/7/register?invite=abc', {
      'GET /api/fair-invitations/abc': { fair: { ...fair, visibility: 'CLOSED' }, summary: '', note: '链主配套' },
      'GET /api/fairs/7/registration?invite=abc': view(),
      'POST /api/fairs/7/registration': view({ participant: row(), history: [{ from: null, to: 'PENDING', note: null, by: '张三', at: '2026-12-07T01:00:00Z' }] }),
    }, calls);
    expect((await screen.findByTestId('invite-note')).textContent).toContain('链主配套');
    expect(screen.queryByTestId('role-INVESTOR')).toBeNull();
    fireEvent.click(screen.getByTestId('questionnaire-submit'));
    expect(await screen.findByText('请选择参会身份')).toBeTruthy();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
    fireEvent.click(screen.getByTestId('role-SUPPLIER'));
    fireEvent.change(screen.getByLabelText('可提供的产品或服务（选填）'), { target: { value: '压铸件' } });
    fireEvent.change(screen.getByLabelText('联系人'), { target: { value: '张三' } });
    fireEvent.change(screen.getByLabelText('联系电话'), { target: { value: '13812341234' } });
    fireEvent.change(screen.getByLabelText('金额下限（万元）（选填）'), { target: { value: '20' } });
    fireEvent.click(screen.getByTestId('questionnaire-submit'));
    await waitFor(() => expect(screen.getByTestId('registration-status').textContent).toBe('待审核'));
    expect(calls.find((c) => c.method === 'POST')?.body).toMatchObject({ role: 'SUPPLIER', offers: '压铸件', amountMinFen: 20_000_000,
      amountMaxFen: null, contactName: '张三', contactPhone: '13812341234', invitation: 'abc' });
  });

  it('shows what the organisers asked for and sends the answer with the edited questionnaire', async () => {
    const calls: Call[] = [];
    page('/fairs/7/register', {
      'GET /api/fairs/7': detail,
      'GET /api/fairs/7/registration': view({ participant: row({ status: 'NEEDS_INFO', reason: '请补充证书编号' }) }),
      'PUT /api/fairs/7/registration': view({ participant: row() }),
    }, calls);
    expect((await screen.findByTestId('registration-reason')).textContent).toBe('主办方需要：请补充证书编号');
    fireEvent.change(screen.getByLabelText('补充说明（选填）'), { target: { value: '编号 0123' } });
    fireEvent.click(screen.getByTestId('questionnaire-submit'));
    await waitFor(() => expect(screen.getByTestId('registration-status').textContent).toBe('待审核'));
    expect(calls.find((c) => c.method === 'PUT')?.body).toMatchObject({ answer: '编号 0123', offers: '压铸件', invitation: null });
  });
});
