import { beforeEach, describe, expect, it, vi } from 'vitest';
import { getSession, SESSION_KEY, setSession } from '../auth/session';
import { request } from './client';
import { ApiError, parseErrorResponse } from './errors';
import { adminApi, authApi } from './identity';
import type { User } from './types';

const user: User = {
  id: 7,
  username: 'zhangsan',
  displayName: '张三',
  phone: null,
  roles: ['VIEWER'],
  enterprise: null,
  createdAt: '2026-11-23T04:05:06Z',
};

function problem(status: number, body: object, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/problem+json', ...headers },
  });
}

function mockFetch(res: Response) {
  return vi.spyOn(globalThis, 'fetch').mockResolvedValue(res);
}

function loggedIn() {
  setSession({ token: 'tok-123', expiresAt: '2999-01-01T00:00:00Z', user });
}

describe('parseErrorResponse', () => {
  it('turns a validation problem into an ApiError with a field map', async () => {
    const err = await parseErrorResponse(
      problem(400, {
        type: 'https://livehall.io/problems/validation',
        title: 'Bad Request',
        status: 400,
        detail: '请求参数有误',
        instance: '/api/auth/register',
        errors: [
          { field: 'username', message: '用户名需为 3-32 位字母、数字、下划线、点或横线' },
          { field: 'enterprise.creditCode', message: '统一社会信用代码无效' },
          { field: 'username', message: '用户名已存在' },
        ],
      }),
    );
    expect(err).toBeInstanceOf(ApiError);
    expect(err.status).toBe(400);
    expect(err.title).toBe('Bad Request');
    expect(err.detail).toBe('请求参数有误');
    expect(err.type).toBe('https://livehall.io/problems/validation');
    expect(err.instance).toBe('/api/auth/register');
    expect(err.fieldErrors).toEqual({
      username: '用户名需为 3-32 位字母、数字、下划线、点或横线；用户名已存在',
      'enterprise.creditCode': '统一社会信用代码无效',
    });
    expect(err.fieldError('enterprise.creditCode')).toBe('统一社会信用代码无效');
    expect(err.hasFieldErrors).toBe(true);
  });

  it('reads Retry-After on 429', async () => {
    const err = await parseErrorResponse(
      problem(429, { title: 'Too Many Requests', status: 429, detail: '尝试次数过多' }, { 'Retry-After': '120' }),
    );
    expect(err.status).toBe(429);
    expect(err.retryAfter).toBe(120);
    expect(err.fieldErrors).toEqual({});
  });

  it('falls back to a Chinese message when the body is not JSON', async () => {
    const err = await parseErrorResponse(
      new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }),
    );
    expect(err.status).toBe(502);
    expect(err.title).toBe('Bad Gateway');
    expect(err.detail).toBe('服务暂时不可用，请稍后再试');
  });
});

describe('request', () => {
  beforeEach(() => localStorage.clear());

  it('attaches the Bearer token and parses JSON', async () => {
    loggedIn();
    const fetch = mockFetch(Response.json(user));
    await expect(authApi.me()).resolves.toEqual(user);
    const [url, init] = fetch.mock.calls[0];
    expect(url).toBe('/api/me');
    expect((init!.headers as Record<string, string>).Authorization).toBe('Bearer tok-123');
  });

  it('sends no token to login, and JSON-encodes the body', async () => {
    loggedIn();
    const fetch = mockFetch(
      Response.json({ accessToken: 't', tokenType: 'Bearer', expiresAt: '2999-01-01T00:00:00Z', user }),
    );
    await authApi.login({ username: 'zhangsan', password: 'secret-pass' });
    const [, init] = fetch.mock.calls[0];
    expect(init!.method).toBe('POST');
    expect((init!.headers as Record<string, string>).Authorization).toBeUndefined();
    expect(JSON.parse(init!.body as string)).toEqual({ username: 'zhangsan', password: 'secret-pass' });
  });

  it('builds admin queries without empty parameters, and PUTs roles', async () => {
    loggedIn();
    const fetch = mockFetch(Response.json({ items: [], next: null }));
    await adminApi.listUsers({ q: '', after: 'abc', limit: 20 });
    expect(fetch.mock.calls[0][0]).toBe('/api/admin/users?after=abc&limit=20');
    fetch.mockResolvedValue(Response.json(user));
    await adminApi.setRoles(7, ['VIEWER', 'MERCHANT']);
    const [url, init] = fetch.mock.calls[1];
    expect(url).toBe('/api/admin/users/7/roles');
    expect(init!.method).toBe('PUT');
    expect(JSON.parse(init!.body as string)).toEqual({ roles: ['VIEWER', 'MERCHANT'] });
  });

  it('resolves undefined on 204', async () => {
    loggedIn();
    mockFetch(new Response(null, { status: 204 }));
    await expect(authApi.logout()).resolves.toBeUndefined();
  });

  it('clears the stored session on 401 from an authenticated call', async () => {
    loggedIn();
    mockFetch(problem(401, { title: 'Unauthorized', status: 401, detail: '登录已过期' }));
    const err = (await request('/api/me').catch((e: unknown) => e)) as ApiError;
    expect(err).toBeInstanceOf(ApiError);
    expect(err.status).toBe(401);
    expect(err.detail).toBe('登录已过期');
    expect(getSession()).toBeNull();
    expect(localStorage.getItem(SESSION_KEY)).toBeNull();
  });

  it('keeps a fresh token stored while a call with the old one was refused (password changed meanwhile)', async () => {
    loggedIn();
    vi.spyOn(globalThis, 'fetch').mockImplementation(async () => {
      // the password change answered first: this tab already holds the new token
      setSession({ token: 'tok-fresh', expiresAt: '2999-01-01T00:00:00Z', user });
      return problem(401, { title: 'Unauthorized', status: 401, detail: '账号权限已变更，请重新登录' });
    });
    await expect(request('/api/me')).rejects.toMatchObject({ status: 401 });
    expect(getSession()?.token).toBe('tok-fresh');
  });

  it('keeps the session on 401 from login (wrong password) and on 403', async () => {
    loggedIn();
    mockFetch(problem(401, { title: 'Unauthorized', status: 401, detail: '用户名或密码错误' }));
    await expect(authApi.login({ username: 'x', password: 'y' })).rejects.toMatchObject({ status: 401 });
    expect(getSession()?.token).toBe('tok-123');
    mockFetch(problem(403, { title: 'Forbidden', status: 403, detail: '没有权限' }));
    await expect(adminApi.listUsers()).rejects.toMatchObject({ status: 403, detail: '没有权限' });
    expect(getSession()?.token).toBe('tok-123');
  });

  it('maps a network failure to status 0', async () => {
    vi.spyOn(globalThis, 'fetch').mockRejectedValue(new TypeError('Failed to fetch'));
    await expect(authApi.me()).rejects.toMatchObject({ status: 0, detail: '网络连接失败，请检查网络后重试' });
  });
});
