import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { JoinRequest, User } from '../../api/types';
import { getSession } from '../../auth/session';
import { makeUser, renderWithAuth } from '../../test/renderWithAuth';
import { MePage } from './MePage';

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const problem = (status: number, body: object) =>
  new Response(JSON.stringify({ status, ...body }), {
    status,
    headers: { 'Content-Type': 'application/problem+json' },
  });

function fill(id: string, value: string) {
  fireEvent.change(document.getElementById(id)!, { target: { value } });
}

const enterprise = {
  id: 5,
  name: '陕西东裕生态农业科技有限公司',
  creditCode: '91610000MA6TG1XX1K',
  region: '陕西省西安市',
  industry: '农业',
  size: 'SMALL' as const,
  tier: 'NONE' as const,
  createdAt: '2026-11-23T04:05:06Z',
};

const request = (over: Partial<JoinRequest> = {}): JoinRequest => ({
  id: 7,
  enterpriseId: 5,
  enterpriseName: enterprise.name,
  userId: 2,
  userDisplayName: '李四',
  username: 'lisi',
  status: 'PENDING',
  createdAt: '2026-12-01T04:05:06Z',
  decidedAt: null,
  ...over,
});

type Route = (method: string, url: string, body: unknown) => Response | undefined;

function renderMe(user: User, route: Route) {
  const calls: Array<{ method: string; url: string; body: unknown }> = [];
  const result = renderWithAuth(<MePage />, user, '/me', async (input, init) => {
    const url = String(input);
    const method = init?.method ?? 'GET';
    const body = init?.body ? JSON.parse(String(init.body)) : undefined;
    calls.push({ method, url, body });
    const answer = route(method, url, body);
    if (answer) return answer;
    if (url.endsWith('/api/me') && method === 'GET') return json(user);
    if (url.endsWith('/api/me/enterprise-join-requests') && method === 'GET') return json([]);
    if (url.endsWith('/api/me/enterprise/join-requests')) return json({ approver: false, pending: [] });
    return json({});
  });
  return { ...result, calls };
}

describe('MePage', () => {
  it('edits the display name and phone, checking the phone first', async () => {
    const user = makeUser(['VIEWER']);
    const { calls } = renderMe(user, (method, _url, body) =>
      method === 'PATCH' ? json({ ...user, ...(body as object) }) : undefined,
    );
    await screen.findByTestId('profile-form');
    fill('displayName', '王小明');
    fill('phone', '12345');
    fireEvent.click(screen.getByRole('button', { name: '保存资料' }));
    expect(screen.getByTestId('error-phone').textContent).toBe('请输入正确的 11 位手机号');
    expect(calls.some((c) => c.method === 'PATCH')).toBe(false);

    fill('phone', '13912345678');
    fireEvent.click(screen.getByRole('button', { name: '保存资料' }));
    await waitFor(() => expect(screen.getByTestId('profile-saved').textContent).toBe('已保存'));
    expect(calls.find((c) => c.method === 'PATCH')?.body).toEqual({ displayName: '王小明', phone: '13912345678' });
    expect(screen.getByTestId('me-display-name').textContent).toBe('王小明');
    expect(screen.getByTestId('me-phone').textContent).toBe('13912345678');
  });

  it('shows the server field errors of the profile', async () => {
    const user = makeUser(['VIEWER']);
    renderMe(user, (method) =>
      method === 'PATCH'
        ? problem(400, { detail: '请求参数有误', errors: [{ field: 'displayName', message: '姓名包含不允许的字符' }] })
        : undefined,
    );
    await screen.findByTestId('profile-form');
    fill('displayName', '王<小明>');
    fireEvent.click(screen.getByRole('button', { name: '保存资料' }));
    expect((await screen.findByTestId('error-displayName')).textContent).toBe('姓名包含不允许的字符');
  });

  it('changes the password and keeps this tab signed in with the fresh token', async () => {
    const user = makeUser(['VIEWER']);
    const { calls } = renderMe(user, (_method, url) =>
      url.endsWith('/api/me/password')
        ? json({ accessToken: 'fresh-token', tokenType: 'Bearer', expiresAt: '2999-01-01T00:00:00Z', user })
        : undefined,
    );
    await screen.findByTestId('password-form');
    fill('currentPassword', 'secret-123');
    fill('newPassword', 'new-secret-456');
    fill('confirmPassword', 'other-secret');
    fireEvent.click(screen.getByRole('button', { name: '修改密码' }));
    expect(screen.getByTestId('error-confirmPassword').textContent).toBe('两次输入的密码不一致');
    fill('confirmPassword', 'new-secret-456');
    fireEvent.click(screen.getByRole('button', { name: '修改密码' }));
    await waitFor(() => expect(screen.getByTestId('password-changed').textContent).toMatch(/密码已修改/));
    expect(calls.find((c) => c.url.endsWith('/api/me/password'))?.body).toEqual({
      currentPassword: 'secret-123',
      newPassword: 'new-secret-456',
    });
    expect(getSession()?.token).toBe('fresh-token');
  });

  it('shows a wrong current password under its field', async () => {
    renderMe(makeUser(['VIEWER']), (_method, url) =>
      url.endsWith('/api/me/password')
        ? problem(400, { detail: '当前密码不正确', errors: [{ field: 'currentPassword', message: '当前密码不正确' }] })
        : undefined,
    );
    await screen.findByTestId('password-form');
    fill('currentPassword', 'wrong-123');
    fill('newPassword', 'new-secret-456');
    fill('confirmPassword', 'new-secret-456');
    fireEvent.click(screen.getByRole('button', { name: '修改密码' }));
    expect((await screen.findByTestId('error-currentPassword')).textContent).toBe('当前密码不正确');
  });

  it('registers a new enterprise for an individual account', async () => {
    const user = makeUser(['VIEWER']);
    const { calls } = renderMe(user, (method, url) =>
      method === 'POST' && url.endsWith('/api/me/enterprise') ? json({ ...user, enterprise }, 201) : undefined,
    );
    await screen.findByTestId('enterprise-form');
    fireEvent.click(screen.getByRole('button', { name: '登记企业' }));
    expect(screen.getByTestId('error-enterprise-name').textContent).toBe('请输入企业名称');
    expect(calls.some((c) => c.url.endsWith('/api/me/enterprise') && c.method === 'POST')).toBe(false);
    fill('enterprise-name', enterprise.name);
    fill('enterprise-creditCode', '91350100M000100Y43');
    fill('enterprise-region', '陕西省西安市');
    fill('enterprise-industry', '农业');
    fill('enterprise-size', 'SMALL');
    fireEvent.click(screen.getByRole('button', { name: '登记企业' }));
    expect((await screen.findByTestId('me-enterprise')).textContent).toContain(enterprise.name);
  });

  it('offers to join an enterprise that is already registered, then shows the pending request', async () => {
    const user = makeUser(['VIEWER']);
    const { calls } = renderMe(user, (method, url) => {
      if (method === 'POST' && url.endsWith('/api/me/enterprise'))
        return problem(409, {
          type: 'https://livehall.io/problems/enterprise-exists',
          detail: '「陕西东裕生态农业科技有限公司」已在平台注册，可申请加入，由该企业的管理账号审核',
          errors: [{ field: 'creditCode', message: '该企业已在平台注册，可申请加入' }],
        });
      if (method === 'POST' && url.endsWith('/api/me/enterprise-join-requests')) return json(request(), 201);
      return undefined;
    });
    await screen.findByTestId('enterprise-form');
    fill('enterprise-name', enterprise.name);
    fill('enterprise-creditCode', '91350100M000100Y43');
    fill('enterprise-region', '陕西省西安市');
    fill('enterprise-industry', '农业');
    fill('enterprise-size', 'SMALL');
    fireEvent.click(screen.getByRole('button', { name: '登记企业' }));
    expect((await screen.findByTestId('form-alert')).textContent).toMatch(/已在平台注册/);
    fireEvent.click(screen.getByTestId('join-existing'));
    expect((await screen.findByTestId('join-pending')).textContent).toMatch(/等待该企业审核/);
    expect(calls.find((c) => c.url.endsWith('/api/me/enterprise-join-requests') && c.method === 'POST')?.body).toEqual({
      creditCode: '91350100M000100Y43',
    });
    expect(screen.getByTestId('my-join-requests').textContent).toContain('待审核');
  });

  it('withdraws a pending request', async () => {
    renderMe(makeUser(['VIEWER']), (method, url) => {
      if (method === 'GET' && url.endsWith('/api/me/enterprise-join-requests')) return json([request()]);
      if (method === 'DELETE') return json(request({ status: 'CANCELLED', decidedAt: '2026-12-01T05:00:00Z' }));
      return undefined;
    });
    fireEvent.click(await screen.findByRole('button', { name: '撤回' }));
    await waitFor(() => expect(screen.getByTestId('my-join-requests').textContent).toContain('已撤回'));
    expect(screen.queryByTestId('join-pending')).toBeNull();
    expect(screen.getByTestId('enterprise-form')).toBeTruthy();
  });

  it('lets the enterprise first account approve a request to join', async () => {
    const owner = makeUser(['VIEWER', 'MERCHANT'], { enterprise });
    const { calls } = renderMe(owner, (_method, url) => {
      if (url.endsWith('/api/me/enterprise/join-requests')) return json({ approver: true, pending: [request()] });
      if (url.endsWith('/approve')) return json(request({ status: 'APPROVED' }));
      return undefined;
    });
    const row = await screen.findByTestId('join-request-7');
    expect(row.textContent).toContain('李四');
    fireEvent.click(screen.getByRole('button', { name: '通过' }));
    await waitFor(() => expect(screen.queryByTestId('join-request-7')).toBeNull());
    expect(screen.getByText('已通过 李四 的加入申请')).toBeTruthy();
    expect(calls.some((c) => c.method === 'POST' && c.url.endsWith('/api/me/enterprise/join-requests/7/approve'))).toBe(
      true,
    );
  });

  it('shows no review list to other members', async () => {
    renderMe(makeUser(['VIEWER'], { enterprise }), () => undefined);
    await screen.findByTestId('me-enterprise');
    expect(screen.queryByTestId('join-review')).toBeNull();
  });
});
