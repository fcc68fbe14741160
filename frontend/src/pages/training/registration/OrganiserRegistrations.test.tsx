import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { clearSession } from '../../../auth/session';
import { makeUser, renderWithAuth } from '../../../test/renderWithAuth';
import { OrganiserRegistrations } from './OrganiserRegistrations';
import { fromShanghaiLocal, toShanghaiLocal } from './shanghaiTime';
import { row, settings } from './testData';

type Call = { url: string; method: string; body: unknown };

afterEach(() => {
  clearSession();
  vi.restoreAllMocks();
});

function organiserServer(calls: Call[]) {
  let pending = [row(1), row(2, { name: '学员2', phone: '138****1234' })];
  return async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    const method = init?.method ?? 'GET';
    const body = init?.body ? JSON.parse(String(init.body)) : undefined;
    calls.push({ url, method, body });
    if (url.startsWith('/api/organiser/training/series/5/registration-settings')) {
      return Response.json(method === 'PUT' ? settings({ ...body, counts: settings().counts }) : settings());
    }
    if (url.startsWith('/api/organiser/training/series/5/registrations')) {
      return Response.json({ items: url.includes('state=CONFIRMED') ? [] : pending, next: null });
    }
    const approve = url.match(/registrations\/(\d+)\/(approve|reject)/);
    if (approve) {
      pending = pending.filter((r) => r.id !== Number(approve[1]));
      return Response.json(row(Number(approve[1]), { state: approve[2] === 'approve' ? 'CONFIRMED' : 'REJECTED' }));
    }
    return Response.json(makeUser(['ORGANISER']));
  };
}

describe('OrganiserRegistrations', () => {
  it('shows counts and masked phones, approves, and rejects with a reason', async () => {
    const calls: Call[] = [];
    renderWithAuth(<OrganiserRegistrations seriesId={5} />, makeUser(['ORGANISER']), '/organiser/training/series/5', organiserServer(calls));
    await waitFor(() => expect(screen.getAllByTestId('registration-row')).toHaveLength(2));
    expect(screen.getByTestId('registration-summary').textContent).toBe('已报名 1 人 · 待审核 2 人');
    expect(screen.getAllByTestId('registration-phone').map((p) => p.textContent)).toEqual(['139****5678', '138****1234']);

    fireEvent.click(screen.getAllByTestId('registration-approve')[0]);
    await waitFor(() => expect(screen.getAllByTestId('registration-row')).toHaveLength(1));
    expect(calls.some((c) => c.method === 'POST' && c.url === '/api/organiser/training/registrations/1/approve')).toBe(true);

    fireEvent.click(screen.getByTestId('registration-reject'));
    fireEvent.click(screen.getByTestId('reject-submit'));
    expect(await screen.findByText('请填写未通过的原因')).toBeTruthy();
    fireEvent.change(screen.getByLabelText(/原因/), { target: { value: '名额有限' } });
    fireEvent.click(screen.getByTestId('reject-submit'));
    await waitFor(() => expect(screen.queryAllByTestId('registration-row')).toHaveLength(0));
    expect(calls.find((c) => c.url.endsWith('/2/reject'))?.body).toEqual({ reason: '名额有限' });

    fireEvent.click(screen.getByTestId('registration-tab-CONFIRMED'));
    await waitFor(() => expect(calls.some((c) => c.url.includes('state=CONFIRMED'))).toBe(true));
  });

  it('saves the settings: mode, capacity, fields, reminders and a deadline in Beijing time', async () => {
    const calls: Call[] = [];
    renderWithAuth(<OrganiserRegistrations seriesId={5} />, makeUser(['ORGANISER']), '/organiser/training/series/5', organiserServer(calls));
    await waitFor(() => expect(screen.getByTestId('registration-settings-toggle')).toBeTruthy());
    fireEvent.click(screen.getByTestId('registration-settings-toggle'));
    fireEvent.change(screen.getByLabelText('报名方式'), { target: { value: 'CAPACITY' } });
    fireEvent.change(screen.getByLabelText(/名额/), { target: { value: '' } });
    fireEvent.click(screen.getByTestId('registration-settings-save'));
    expect(await screen.findByText('限额报名需填写名额')).toBeTruthy();
    fireEvent.change(screen.getByLabelText(/名额/), { target: { value: '3000' } });
    fireEvent.change(screen.getByLabelText('手机号'), { target: { value: 'REQUIRED' } });
    fireEvent.click(screen.getByLabelText(/提前 2 小时/));
    fireEvent.click(screen.getByLabelText(/提前 1 天/));
    fireEvent.change(screen.getByLabelText(/报名截止/), { target: { value: '2026-12-10T18:00' } });
    fireEvent.click(screen.getByTestId('registration-settings-save'));
    await waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true));
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({
      mode: 'CAPACITY', capacity: 3000, company: 'REQUIRED', jobTitle: 'OPTIONAL', phone: 'REQUIRED',
      reminderOffsets: [120, 30], deadline: '2026-12-10T10:00:00.000Z',
    });
    expect(await screen.findByText('报名设置已保存')).toBeTruthy();
  });

  it('reads and writes datetime-local values in Shanghai time', () => {
    expect(toShanghaiLocal('2026-12-10T10:00:00Z')).toBe('2026-12-10T18:00');
    expect(fromShanghaiLocal('2026-12-10T18:00')).toBe('2026-12-10T10:00:00.000Z');
    expect(fromShanghaiLocal('')).toBeNull();
    expect(toShanghaiLocal(null)).toBe('');
  });
});
