import { useState } from 'react';
import type { FormEvent } from 'react';
import { profileApi } from '../../api/identity';
import { isApiError } from '../../api/errors';
import { sessionFromLogin, setSession } from '../../auth/session';
import { FormAlert, TextField } from '../../components/Field';
import { validatePassword } from '../../lib/validation';
import type { FieldErrors } from '../../lib/validation';

/**
 * 修改密码. The server ends every session of the account (token version raised) and answers a fresh token, which
 * this tab keeps: it stays signed in, other devices and tabs must sign in again.
 */
export function PasswordForm() {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  const onSubmit = async (ev: FormEvent) => {
    ev.preventDefault();
    setAlert(null);
    setDone(false);
    const e: FieldErrors = {};
    if (!current) e.currentPassword = '请输入当前密码';
    const p = validatePassword(next);
    if (p) e.newPassword = p;
    else if (next === current) e.newPassword = '新密码不能与当前密码相同';
    if (!confirm) e.confirm = '请再次输入新密码';
    else if (confirm !== next) e.confirm = '两次输入的密码不一致';
    setErrors(e);
    if (Object.keys(e).length) return;
    setBusy(true);
    try {
      const result = await profileApi.changePassword(current, next);
      setSession(sessionFromLogin(result));
      setCurrent('');
      setNext('');
      setConfirm('');
      setDone(true);
    } catch (err) {
      if (isApiError(err)) {
        setErrors(err.fieldErrors);
        setAlert(err.hasFieldErrors ? null : err.detail);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card me-form" onSubmit={onSubmit} noValidate data-testid="password-form">
      <h3>修改密码</h3>
      <p className="muted small">修改后，其他设备上的登录将全部失效，需要用新密码重新登录；本页保持登录。</p>
      <FormAlert message={alert} />
      <TextField
        id="currentPassword"
        label="当前密码"
        type="password"
        value={current}
        onChange={setCurrent}
        error={errors.currentPassword}
        autoComplete="current-password"
      />
      <TextField
        id="newPassword"
        label="新密码"
        type="password"
        value={next}
        onChange={setNext}
        error={errors.newPassword}
        hint="至少 8 位"
        autoComplete="new-password"
      />
      <TextField
        id="confirmPassword"
        label="确认新密码"
        type="password"
        value={confirm}
        onChange={setConfirm}
        error={errors.confirm}
        autoComplete="new-password"
      />
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? '提交中…' : '修改密码'}
        </button>
        <span className="form-status" role="status" data-testid="password-changed">
          {done ? '密码已修改，其他设备已退出登录' : ''}
        </span>
      </div>
    </form>
  );
}
