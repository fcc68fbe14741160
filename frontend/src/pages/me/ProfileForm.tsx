import { useState } from 'react';
import type { FormEvent } from 'react';
import { profileApi } from '../../api/identity';
import { isApiError } from '../../api/errors';
import type { User } from '../../api/types';
import { FormAlert, TextField } from '../../components/Field';
import { validateDisplayName, validatePhone } from '../../lib/validation';
import type { FieldErrors } from '../../lib/validation';

/** 修改资料: display name and (optional) mainland mobile number. */
export function ProfileForm({ user, onSaved }: { user: User; onSaved: (u: User) => void }) {
  const [displayName, setDisplayName] = useState(user.displayName);
  const [phone, setPhone] = useState(user.phone ?? '');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  const onSubmit = async (ev: FormEvent) => {
    ev.preventDefault();
    setAlert(null);
    setSaved(false);
    const e: FieldErrors = {};
    const dn = validateDisplayName(displayName);
    if (dn) e.displayName = dn;
    const ph = validatePhone(phone.trim());
    if (ph) e.phone = ph;
    setErrors(e);
    if (Object.keys(e).length) return;
    setBusy(true);
    try {
      const u = await profileApi.update({ displayName: displayName.trim(), phone: phone.trim() });
      setSaved(true);
      onSaved(u);
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
    <form className="card me-form" onSubmit={onSubmit} noValidate data-testid="profile-form">
      <h3>修改资料</h3>
      <FormAlert message={alert} />
      <TextField
        id="displayName"
        label="姓名或昵称"
        value={displayName}
        onChange={(v) => {
          setDisplayName(v);
          setSaved(false);
        }}
        error={errors.displayName}
        maxLength={40}
        autoComplete="name"
      />
      <TextField
        id="phone"
        label="手机号"
        optional
        type="tel"
        inputMode="tel"
        value={phone}
        onChange={(v) => {
          setPhone(v);
          setSaved(false);
        }}
        error={errors.phone}
        hint="11 位大陆手机号，留空则清除"
        maxLength={11}
        autoComplete="tel"
      />
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? '保存中…' : '保存资料'}
        </button>
        <span className="form-status" role="status" data-testid="profile-saved">
          {saved ? '已保存' : ''}
        </span>
      </div>
    </form>
  );
}
