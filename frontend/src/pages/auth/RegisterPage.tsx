import { useState } from 'react';
import type { FormEvent } from 'react';
import { Link, Navigate, useNavigate } from 'react-router-dom';
import { authApi } from '../../api/identity';
import { isApiError } from '../../api/errors';
import { useAuth } from '../../auth/AuthProvider';
import { FormAlert, TextField } from '../../components/Field';
import { usePageTitle } from '../../lib/usePageTitle';
import { emptyRegisterForm, validateRegisterForm } from '../../lib/validation';
import type { EnterpriseForm, FieldErrors, RegisterForm } from '../../lib/validation';
import { EnterpriseFields } from './EnterpriseFields';
import { normaliseServerErrors, toRegisterRequest } from './registerRequest';

type TopField = 'username' | 'password' | 'confirm' | 'displayName' | 'phone';

export function RegisterPage() {
  usePageTitle('注册');
  const { user, login } = useAuth();
  const navigate = useNavigate();
  const [form, setForm] = useState<RegisterForm>(emptyRegisterForm);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (user && !busy) return <Navigate to="/" replace />;

  const clearError = (key: string) => {
    if (errors[key]) setErrors(({ [key]: _, ...rest }) => rest);
  };
  const set = (k: TopField) => (v: string) => {
    setForm((f) => ({ ...f, [k]: v }));
    clearError(k);
  };
  const setEnterprise = (patch: Partial<EnterpriseForm>) => {
    setForm((f) => ({ ...f, enterprise: { ...f.enterprise, ...patch } }));
    for (const k of Object.keys(patch)) clearError(`enterprise.${k}`);
  };
  /** On blur, show the client-side problem of a field the user has filled in. */
  const touch = (key: string) => {
    const value = key.startsWith('enterprise.')
      ? form.enterprise[key.slice(11) as keyof EnterpriseForm]
      : form[key as TopField];
    if (!value) return;
    const problem = validateRegisterForm(form)[key];
    if (problem) setErrors((e) => ({ ...e, [key]: problem }));
  };

  const onSubmit = async (ev: FormEvent) => {
    ev.preventDefault();
    setAlert(null);
    const clientErrors = validateRegisterForm(form);
    setErrors(clientErrors);
    if (Object.keys(clientErrors).length) {
      setAlert('请检查标注的字段');
      return;
    }
    setBusy(true);
    const req = toRegisterRequest(form);
    try {
      await authApi.register(req);
    } catch (e) {
      setBusy(false);
      if (isApiError(e)) {
        setErrors(normaliseServerErrors(e.fieldErrors));
        setAlert(e.detail);
      } else {
        setAlert('注册失败，请稍后再试');
      }
      return;
    }
    try {
      await login({ username: req.username, password: req.password });
      navigate('/', { replace: true });
    } catch {
      // Account exists; let the user sign in by hand.
      navigate('/login', { replace: true });
    }
  };

  const f = form;
  return (
    <section className="container page auth-page">
      <div className="card auth-card wide">
        <h1>注册账号</h1>
        <p className="muted">注册后即可观看直播、报名培训；企业用户可申请入驻展厅。</p>
        <form onSubmit={onSubmit} noValidate data-testid="register-form">
          <TextField id="username" label="用户名" value={f.username} onChange={set('username')}
            onBlur={() => touch('username')} error={errors.username} autoComplete="username"
            hint="3-32 位字母、数字、下划线、点或横线" maxLength={32} autoFocus />
          <div className="field-row">
            <TextField id="password" label="密码" type="password" value={f.password}
              onChange={set('password')} onBlur={() => touch('password')} error={errors.password}
              autoComplete="new-password" hint="至少 8 位，最多 72 字节（约 24 个汉字）" maxLength={72} />
            <TextField id="confirm" label="确认密码" type="password" value={f.confirm}
              onChange={set('confirm')} onBlur={() => touch('confirm')} error={errors.confirm}
              autoComplete="new-password" maxLength={72} />
          </div>
          <TextField id="displayName" label="昵称" value={f.displayName} onChange={set('displayName')}
            onBlur={() => touch('displayName')} error={errors.displayName} autoComplete="nickname"
            hint="展示给其他用户的名字，最多 40 字" maxLength={40} />
          <TextField id="phone" label="手机号" type="tel" inputMode="tel" optional value={f.phone}
            onChange={set('phone')} onBlur={() => touch('phone')} error={errors.phone}
            autoComplete="tel-national" maxLength={11} />

          <label className="check-toggle">
            <input
              type="checkbox"
              checked={f.asEnterprise}
              onChange={(e) => setForm((x) => ({ ...x, asEnterprise: e.target.checked }))}
              aria-expanded={f.asEnterprise}
              data-testid="as-enterprise"
            />
            <span>
              我代表企业
              <small className="muted">（填写企业信息，便于后续入驻与对接）</small>
            </span>
          </label>
          {f.asEnterprise && (
            <EnterpriseFields value={f.enterprise} onChange={setEnterprise} errors={errors} onBlur={touch} />
          )}

          <button type="submit" className="btn btn-primary btn-block" disabled={busy} data-testid="register-submit">
            {busy ? '提交中…' : '注册并登录'}
          </button>
          {/* under the button: a message appearing moves nothing the user is pointing at */}
          <FormAlert message={alert} />
        </form>
        <p className="auth-switch">
          已有账号？<Link to="/login">去登录</Link>
        </p>
      </div>
    </section>
  );
}
