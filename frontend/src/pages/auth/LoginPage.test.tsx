import { fireEvent, screen } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { renderWithAuth } from '../../test/renderWithAuth';
import { LoginPage, waitText } from './LoginPage';

const problem = (status: number, body: object, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/problem+json', ...headers } });

function renderLogin(answer: () => Response) {
  return renderWithAuth(
    <Routes>
      <Route path="/login" element={<LoginPage />} />
    </Routes>,
    null,
    '/login',
    async (input) => (String(input) === '/api/auth/login' ? answer() : new Response(null, { status: 401 })),
  );
}

function submit(username = 'zhangsan', password = 'wrong-pass') {
  fireEvent.change(document.getElementById('username')!, { target: { value: username } });
  fireEvent.change(document.getElementById('password')!, { target: { value: password } });
  fireEvent.click(screen.getByTestId('login-submit'));
}

describe('LoginPage', () => {
  it('shows how many attempts are left after a wrong password', async () => {
    renderLogin(() =>
      problem(401, { status: 401, detail: '用户名或密码错误，还可尝试 3 次', remainingAttempts: 3 }),
    );
    submit();
    expect((await screen.findByTestId('form-alert')).textContent).toBe('用户名或密码错误，还可尝试 3 次');
    expect(screen.getByTestId('login-attempts-left').textContent).toContain('还可尝试 3 次');
    // the message comes under the button: nothing the user is pointing at moves
    const button = screen.getByTestId('login-submit');
    for (const id of ['form-alert', 'login-attempts-left']) {
      expect(button.compareDocumentPosition(screen.getByTestId(id)) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    }
  });

  it('says when the attempts are used up and for how long', async () => {
    renderLogin(() =>
      problem(401, { status: 401, detail: 'x', remainingAttempts: 0, retryAfterSeconds: 290 }),
    );
    submit();
    expect((await screen.findByTestId('form-alert')).textContent).toBe('用户名或密码错误，尝试次数已用完，请 5 分钟后再试');
    expect(screen.queryByTestId('login-attempts-left')).toBeNull();
  });

  it('tells a locked-out user when to try again, from Retry-After', async () => {
    renderLogin(() =>
      problem(429, { status: 429, detail: '登录失败次数过多，请 4 分钟后再试' }, { 'Retry-After': '240' }),
    );
    submit('zhangsan', 'right-pass');
    expect((await screen.findByTestId('form-alert')).textContent).toBe('登录失败次数过多，请 4 分钟后再试');
    expect(screen.queryByTestId('login-attempts-left')).toBeNull();
  });

  it('keeps the plain message when the server gives no count', async () => {
    renderLogin(() => problem(401, { status: 401, detail: '用户名或密码错误' }));
    submit();
    expect((await screen.findByTestId('form-alert')).textContent).toBe('用户名或密码错误');
  });

  it('explains on 忘记密码 that the service centre or an admin sets a temporary password', async () => {
    const { fetch } = renderLogin(() => problem(500, { status: 500, detail: '不应调用' }));
    const toggle = await screen.findByTestId('forgot-password');
    expect(toggle.textContent).toBe('忘记密码？');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByTestId('forgot-help')).toBeNull();
    fireEvent.click(toggle);
    const help = screen.getByTestId('forgot-help');
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(help.textContent).toContain('暂不支持通过短信或邮件自助找回密码');
    expect(help.textContent).toContain('联系展厅服务中心或平台管理员');
    expect(help.textContent).toContain('临时密码');
    expect(help.textContent).toContain('个人中心修改');
    expect(fetch.mock.calls.some(([url]) => String(url) === '/api/auth/login')).toBe(false);
    fireEvent.click(toggle);
    expect(screen.queryByTestId('forgot-help')).toBeNull();
  });

  it('words waits in seconds or whole minutes', () => {
    expect(waitText(30)).toBe('30 秒');
    expect(waitText(60)).toBe('1 分钟');
    expect(waitText(61)).toBe('2 分钟');
  });
});
