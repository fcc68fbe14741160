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

export function loginErrorMessage(e: unknown): string {
  if (!isApiError(e)) return '登录失败，请稍后再试';
  if (e.status === 429) {
    const wait = e.retryAfter ? `，请 ${e.retryAfter} 秒后再试` : '，请稍后再试';
    return `尝试次数过多${wait}`;
  }
  if (e.status === 401) return e.detail && e.detail !== '请先登录' ? e.detail : '用户名或密码错误';
  return e.detail;
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
  const [busy, setBusy] = useState(false);

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
    if (Object.keys(clientErrors).length) return;
    setBusy(true);
    try {
      await login({ username: form.username.trim(), password: form.password });
      navigate(next, { replace: true });
    } catch (e) {
      setAlert(loginErrorMessage(e));
      if (isApiError(e)) setErrors(e.fieldErrors);
      setBusy(false);
    }
  };

  return (
    <section className="container page auth-page">
      <div className="card auth-card">
        <h1>登录</h1>
        <p className="muted">欢迎回到直播展厅</p>
        <FormAlert message={alert} />
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
        </form>
        <p className="auth-switch">
          还没有账号？<Link to="/register">立即注册</Link>
        </p>
      </div>
    </section>
  );
}
