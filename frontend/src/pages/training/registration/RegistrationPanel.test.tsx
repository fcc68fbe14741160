import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { clearSession } from '../../../auth/session';
import { makeUser, renderWithAuth } from '../../../test/renderWithAuth';
import { RegistrationPanel } from './RegistrationPanel';
import { mine, status } from './testData';

type Call = { url: string; method: string; body: unknown };

function serve(answers: Record<string, unknown>, calls: Call[]) {
  return async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    const method = init?.method ?? 'GET';
    calls.push({ url, method, body: init?.body ? JSON.parse(String(init.body)) : undefined });
    const key = `${method} ${url}`;
    if (key in answers) {
      const a = answers[key];
      return a instanceof Response ? a : Response.json(a);
    }
    return Response.json(makeUser(['VIEWER']));
  };
}

afterEach(() => {
  clearSession();
  vi.restoreAllMocks();
});

describe('RegistrationPanel', () => {
  it('registers with the fields the series asks for and then shows 已报名 with cancel and the calendar file', async () => {
    const calls: Call[] = [];
    renderWithAuth(<RegistrationPanel seriesId={5} title="宁夏系列" />, makeUser(['VIEWER']), '/training/series/5', serve({
      'GET /api/training/series/5/registration': status(),
      'POST /api/training/series/5/registration': status({ confirmed: 13 }, mine()),
    }, calls));
    await waitFor(() => expect(screen.getByTestId('registration-counts').textContent).toBe('已报名 12 / 3000 人'));
    fireEvent.click(screen.getByTestId('register-open'));
    expect(screen.getByLabelText(/单位名称/)).toBeTruthy();
    expect(screen.queryByLabelText(/职务/)).toBeNull();
    // required fields and the phone's form are checked before sending
    fireEvent.click(screen.getByTestId('register-submit'));
    expect(await screen.findByText('请填写单位名称')).toBeTruthy();
    expect(screen.getByText('请填写手机号')).toBeTruthy();
    fireEvent.change(screen.getByLabelText(/单位名称/), { target: { value: '宁夏示范企业' } });
    fireEvent.change(screen.getByLabelText(/手机号/), { target: { value: '1381234' } });
    fireEvent.click(screen.getByTestId('register-submit'));
    expect(await screen.findByText('请填写正确的 11 位手机号')).toBeTruthy();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
    fireEvent.change(screen.getByLabelText(/手机号/), { target: { value: '13812341234' } });
    fireEvent.click(screen.getByTestId('register-submit'));
    await waitFor(() => expect(screen.getByTestId('registration-state').textContent).toBe('已报名'));
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ company: '宁夏示范企业', phone: '13812341234' });
    expect(screen.getByTestId('registration-calendar').getAttribute('href')).toBe('/api/training/series/5/calendar.ics');
    expect(screen.queryByTestId('register-open')).toBeNull();
  });

  it('shows the place in line, the reason of a rejection and cancels after a confirmation', async () => {
    const calls: Call[] = [];
    renderWithAuth(<RegistrationPanel sessionId={12} title="宁夏系列" />, makeUser(['VIEWER']), '/training/sessions/12', serve({
      'GET /api/training/sessions/12/registration': status({ confirmed: 3000, waiting: 4 }, mine({ state: 'WAITLISTED', position: 3 })),
      'DELETE /api/training/series/5/registration': status({ confirmed: 3000, waiting: 3 }, mine({ state: 'CANCELLED' })),
    }, calls));
    await waitFor(() => expect(screen.getByTestId('registration-state').textContent).toBe('候补第 3 位'));
    expect(screen.getByTestId('registration-counts').textContent).toContain('候补 4 人');
    expect(screen.getByTestId('registration-calendar').getAttribute('href')).toBe('/api/training/sessions/12/calendar.ics');
    fireEvent.click(screen.getByTestId('registration-cancel'));
    // 取消 in the dialog does nothing
    fireEvent.click(screen.getByTestId('dialog-cancel'));
    expect(calls.some((c) => c.method === 'DELETE')).toBe(false);
    fireEvent.click(screen.getByTestId('registration-cancel'));
    fireEvent.click(screen.getByTestId('dialog-confirm'));
    await waitFor(() => expect(screen.getByTestId('registration-state').textContent).toBe('已取消'));
    expect(screen.getByTestId('register-open').textContent).toBe('重新报名');
  });

  it('tells a rejected person why, a guest to log in, and says when registration is closed', async () => {
    const view = renderWithAuth(<RegistrationPanel seriesId={5} title="广西" />, makeUser(['VIEWER']), '/training/series/5', serve({
      'GET /api/training/series/5/registration': status({ mode: 'APPROVAL', capacity: null }, mine({ state: 'REJECTED', reason: '名额有限' })),
    }, []));
    await waitFor(() => expect(screen.getByTestId('registration-state').textContent).toBe('未通过：名额有限'));
    view.unmount();
    clearSession();
    vi.restoreAllMocks();

    const guest = renderWithAuth(<RegistrationPanel seriesId={5} title="宁夏" />, null, '/training/series/5', serve({
      'GET /api/training/series/5/registration': status(),
    }, []));
    await waitFor(() => expect(screen.getByTestId('register-login').getAttribute('href')).toBe('/login?next=%2Ftraining%2Fseries%2F5'));
    guest.unmount();
    vi.restoreAllMocks();

    renderWithAuth(<RegistrationPanel seriesId={5} title="宁夏" />, makeUser(['VIEWER']), '/training/series/5', serve({
      'GET /api/training/series/5/registration': status({ open: false, closedReason: '报名已截止' }),
    }, []));
    await waitFor(() => expect(screen.getByTestId('registration-closed').textContent).toBe('报名已截止'));
    expect(screen.queryByTestId('register-open')).toBeNull();
  });

  it('shows the server\'s field errors in the dialog', async () => {
    renderWithAuth(<RegistrationPanel seriesId={5} title="宁夏" />, makeUser(['VIEWER']), '/training/series/5', serve({
      'GET /api/training/series/5/registration': status({ company: 'OFF', phone: 'OPTIONAL' }),
      'POST /api/training/series/5/registration': new Response(JSON.stringify({
        type: 'https://livehall.io/problems/validation', title: 'Bad Request', status: 400, detail: '请求参数有误',
        errors: [{ field: 'phone', message: '请填写正确的 11 位手机号' }],
      }), { status: 400, headers: { 'Content-Type': 'application/problem+json' } }),
    }, []));
    await waitFor(() => expect(screen.getByTestId('register-open')).toBeTruthy());
    fireEvent.click(screen.getByTestId('register-open'));
    fireEvent.change(screen.getByLabelText(/手机号/), { target: { value: '13812341234' } });
    fireEvent.click(screen.getByTestId('register-submit'));
    expect(await screen.findByText('请填写正确的 11 位手机号')).toBeTruthy();
    expect(screen.getByTestId('form-alert').textContent).toBe('请求参数有误');
  });
});
