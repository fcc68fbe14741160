import { useState } from 'react';
import type { FormEvent } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { isApiError } from '../../api/errors';
import { useAuth } from '../../auth/AuthProvider';
import { FormAlert, TextField } from '../../components/Field';
import { usePageTitle } from '../../lib/usePageTitle';
import { validateLoginForm } from '../../lib/validation';
import type { FieldErrors } from '../../lib/validation';
import { safeNext } from './safeNext';

/** "5 分钟" / "30 秒" for a wait in seconds (whole minutes, rounded up, from one minute on). */
export function waitText(seconds: number): string {
  return seconds < 60 ? `${Math.max(1, Math.round(seconds))} 秒` : `${Math.ceil(seconds / 60)} 分钟`;
}

export function loginErrorMessage(e: unknown): string {
  if (!isApiError(e)) return '登录失败，请稍后再试';
  if (e.status === 429) {
    const wait = e.retryAfter ? `，请 ${waitText(e.retryAfter)}后再试` : '，请稍后再试';
    return `登录失败次数过多${wait}`;
  }
  if (e.status === 401) {
    if (e.remainingAttempts !== undefined) {
      if (e.remainingAttempts > 0) return `用户名或密码错误，还可尝试 ${e.remainingAttempts} 次`;
      const wait = e.retryAfter ? `，请 ${waitText(e.retryAfter)}后再试` : '，请稍后再试';
      return `用户名或密码错误，尝试次数已用完${wait}`;
    }
    return e.detail && e.detail !== '请先登录' ? e.detail : '用户名或密码错误';
  }
  return e.detail;
}

/** Attempts left after a failed login, when the server said (shown under the form). */
export function attemptsLeft(e: unknown): number | null {
  return isApiError(e) && e.status === 401 && e.remainingAttempts !== undefined ? e.remainingAttempts : null;
}

export function LoginPage() {
  usePageTitle('登录');
  const { user, login } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const [form, setForm] = useState({ username: '', password: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [left, setLeft] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [forgot, setForgot] = useState(false);

  if (user && !busy) return <Navigate to={next} replace />;

  const set = (k: 'username' | 'password') => (v: string) => {
    setForm((f) => ({ ...f, [k]: v }));
    if (errors[k]) setErrors((e) => ({ ...e, [k]: '' }));
  };

  const onSubmit = async (ev: FormEvent) => {
    ev.preventDefault();
    const clientErrors = validateLoginForm(form);
    setErrors(clientErrors);
    setAlert(null);
    setLeft(null);
    if (Object.keys(clientErrors).length) return;
    setBusy(true);
    try {
      await login({ username: form.username.trim(), password: form.password });
      navigate(next, { replace: true });
    } catch (e) {
      setAlert(loginErrorMessage(e));
      setLeft(attemptsLeft(e));
      if (isApiError(e)) setErrors(e.fieldErrors);
      setBusy(false);
    }
  };

  return (
    <section className="container page auth-page">
      <div className="card auth-card">
        <h1>登录</h1>
        <p className="muted">欢迎回到直播展厅</p>
        <form onSubmit={onSubmit} noValidate data-testid="login-form">
          <TextField
            id="username"
            label="用户名"
            value={form.username}
            onChange={set('username')}
            error={errors.username}
            autoComplete="username"
            autoFocus
          />
          <TextField
            id="password"
            label="密码"
            type="password"
            value={form.password}
            onChange={set('password')}
            error={errors.password}
            autoComplete="current-password"
          />
          <button type="submit" className="btn btn-primary btn-block" disabled={busy} data-testid="login-submit">
            {busy ? '登录中…' : '登录'}
          </button>
          {/* under the button: a refused login moves nothing the user is pointing at */}
          <FormAlert message={alert} />
          {left !== null && left > 0 && (
            <p className="muted small login-attempts" data-testid="login-attempts-left">
              为保护账号安全，连续输错后将暂时无法登录：还可尝试 <strong>{left}</strong> 次
            </p>
          )}
        </form>
        <p className="forgot-password">
          <button type="button" className="btn-link" aria-expanded={forgot} aria-controls="forgot-help"
            onClick={() => setForgot((f) => !f)} data-testid="forgot-password">
            忘记密码？
          </button>
        </p>
        {forgot && (
          <div id="forgot-help" className="notice forgot-help" role="note" data-testid="forgot-help">
            <p>平台暂不支持通过短信或邮件自助找回密码。请联系展厅服务中心或平台管理员，核实身份后由管理员为您设置临时密码。</p>
            <p>拿到临时密码后请尽快登录，并在个人中心修改为自己的密码。如果只是输错次数太多被暂时锁定，也可以请管理员解除锁定。</p>
          </div>
        )}
        <p className="auth-switch">
          还没有账号？<Link to="/register">立即注册</Link>
        </p>
      </div>
    </section>
  );
}
