import { fireEvent, screen, waitFor } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { getSession } from '../../auth/session';
import { makeUser, renderWithAuth } from '../../test/renderWithAuth';
import { RegisterPage } from './RegisterPage';
import { normaliseServerErrors, toRegisterRequest } from './registerRequest';
import { emptyRegisterForm } from '../../lib/validation';

const problem = (status: number, body: object) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/problem+json' } });

function fill(id: string, value: string) {
  fireEvent.change(document.getElementById(id)!, { target: { value } });
}

function renderPage() {
  return renderWithAuth(
    <Routes>
      <Route path="/register" element={<RegisterPage />} />
      <Route path="/" element={<p data-testid="home">home</p>} />
    </Routes>,
    null,
    '/register',
  );
}

function fillValid() {
  fill('username', 'zhangsan');
  fill('password', 'secret-pass');
  fill('confirm', 'secret-pass');
  fill('displayName', '张三');
}

describe('RegisterPage', () => {
  it('shows client-side errors under the fields without calling the server', () => {
    const { fetch } = renderPage();
    fill('username', 'ab');
    fill('password', 'short');
    fill('confirm', 'other');
    fireEvent.click(screen.getByTestId('register-submit'));
    expect(screen.getByTestId('error-username').textContent).toMatch(/3-32/);
    expect(screen.getByTestId('error-password').textContent).toBe('密码至少 8 位');
    expect(screen.getByTestId('error-confirm').textContent).toBe('两次输入的密码不一致');
    expect(screen.getByTestId('error-displayName').textContent).toBe('请输入昵称');
    expect(fetch).not.toHaveBeenCalled();
  });

  it('counts the password in UTF-8 bytes, as the server and bcrypt do', () => {
    const { fetch } = renderPage();
    fillValid();
    fill('password', '陕'.repeat(30));
    fill('confirm', '陕'.repeat(30));
    fireEvent.click(screen.getByTestId('register-submit'));
    expect(screen.getByTestId('error-password').textContent).toBe('密码不能超过 72 字节（约 24 个汉字）');
    expect(fetch).not.toHaveBeenCalled();
  });

  it('validates the enterprise credit code check digit once the section is open', () => {
    renderPage();
    fillValid();
    fireEvent.click(screen.getByTestId('as-enterprise'));
    fill('enterprise-creditCode', '91350100m000100y44');
    expect((document.getElementById('enterprise-creditCode') as HTMLInputElement).value).toBe('91350100M000100Y44');
    fireEvent.click(screen.getByTestId('register-submit'));
    expect(screen.getByTestId('error-enterprise-creditCode').textContent).toMatch(/校验位/);
    expect(screen.getByTestId('error-enterprise-size').textContent).toBe('请选择企业规模');
  });

  it('shows the server problem detail on top and its field errors under the fields', async () => {
    const { fetch } = renderPage();
    fetch.mockImplementation(async () =>
      problem(409, {
        title: 'Conflict',
        status: 409,
        detail: '用户名已被占用',
        errors: [{ field: 'username', message: '该用户名已存在' }],
      }),
    );
    fillValid();
    fireEvent.click(screen.getByTestId('register-submit'));
    await waitFor(() => expect(screen.getByTestId('form-alert').textContent).toBe('用户名已被占用'));
    const after = screen.getByTestId('register-submit').compareDocumentPosition(screen.getByTestId('form-alert'));
    expect(after & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy(); // under the button: nothing above it moves
    expect(screen.getByTestId('error-username').textContent).toBe('该用户名已存在');
    expect(getSession()).toBeNull();
  });

  it('registers, logs in automatically and goes home', async () => {
    const { fetch } = renderPage();
    const user = makeUser(['VIEWER']);
    fetch.mockImplementation(async (url) =>
      url === '/api/auth/register'
        ? Response.json(user, { status: 201 })
        : url === '/api/auth/login'
          ? Response.json({ accessToken: 'tok', tokenType: 'Bearer', expiresAt: '2999-01-01T00:00:00Z', user })
          : Response.json(user),
    );
    fillValid();
    fireEvent.click(screen.getByTestId('register-submit'));
    await screen.findByTestId('home');
    expect(getSession()?.token).toBe('tok');
    const body = JSON.parse(fetch.mock.calls[0][1]!.body as string);
    expect(body).toEqual({ username: 'zhangsan', password: 'secret-pass', displayName: '张三' });
  });
});

describe('register request helpers', () => {
  it('omits empty phone and the enterprise when not representing one', () => {
    const f = { ...emptyRegisterForm(), username: 'u_1', password: 'p'.repeat(8), displayName: ' 李四 ' };
    expect(toRegisterRequest(f)).toEqual({ username: 'u_1', password: 'pppppppp', displayName: '李四' });
  });

  it('maps bare enterprise field names to enterprise.* paths', () => {
    expect(normaliseServerErrors({ creditCode: 'x', username: 'y', 'enterprise.region': 'z' })).toEqual({
      'enterprise.creditCode': 'x',
      username: 'y',
      'enterprise.region': 'z',
    });
  });
});
