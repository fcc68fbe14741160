import { useState } from 'react';
import type { FormEvent } from 'react';
import { isApiError } from '../../../api/errors';
import { registrationApi } from '../../../api/trainingRegistration';
import type { FieldRule, RegistrationForm, RegistrationStatus } from '../../../api/trainingRegistration';
import { Dialog } from '../../../components/Dialog';
import { FormAlert, TextField } from '../../../components/Field';

interface Props {
  form: RegistrationForm;
  title: string;
  onDone: (status: RegistrationStatus) => void;
  onClose: () => void;
}

const PHONE = /^1[3-9]\d{9}$/;

/** The registration form: only the fields the series asks for; required ones are checked here and by the server. */
export function RegisterDialog({ form, title, onDone, onClose }: Props) {
  const [company, setCompany] = useState('');
  const [jobTitle, setJobTitle] = useState('');
  const [phone, setPhone] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const check = (): Record<string, string> => {
    const found: Record<string, string> = {};
    if (form.company === 'REQUIRED' && !company.trim()) found.company = '请填写单位名称';
    if (form.jobTitle === 'REQUIRED' && !jobTitle.trim()) found.jobTitle = '请填写职务';
    if (form.phone === 'REQUIRED' && !phone.trim()) found.phone = '请填写手机号';
    else if (phone.trim() && !PHONE.test(phone.trim())) found.phone = '请填写正确的 11 位手机号';
    return found;
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found = check();
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    setAlert(null);
    try {
      const body = {
        ...(form.company !== 'OFF' && company.trim() ? { company: company.trim() } : {}),
        ...(form.jobTitle !== 'OFF' && jobTitle.trim() ? { jobTitle: jobTitle.trim() } : {}),
        ...(form.phone !== 'OFF' && phone.trim() ? { phone: phone.trim() } : {}),
      };
      onDone(await registrationApi.register(form.seriesId, body));
    } catch (err) {
      if (isApiError(err)) {
        setErrors(err.fieldErrors);
        setAlert(err.detail);
      } else {
        setAlert('报名失败，请稍后再试');
      }
    } finally {
      setBusy(false);
    }
  };

  const optional = (rule: FieldRule) => rule === 'OPTIONAL';
  return (
    <Dialog title={`报名：${title}`} onClose={onClose} testId="register-dialog">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <FormAlert message={alert} />
        {form.mode === 'CAPACITY' && form.capacity !== null && form.confirmed >= form.capacity && (
          <p className="small muted" data-testid="register-full">名额已满，提交后进入候补，有人取消时按顺序自动递补。</p>
        )}
        {form.mode === 'APPROVAL' && <p className="small muted">本培训需主办方审核，审核结果会通知您。</p>}
        {form.company !== 'OFF' && (
          <TextField id="reg-company" label="单位名称" value={company} onChange={setCompany} error={errors.company}
            optional={optional(form.company)} maxLength={100} autoComplete="organization" />
        )}
        {form.jobTitle !== 'OFF' && (
          <TextField id="reg-job-title" label="职务" value={jobTitle} onChange={setJobTitle} error={errors.jobTitle}
            optional={optional(form.jobTitle)} maxLength={50} autoComplete="organization-title" />
        )}
        {form.phone !== 'OFF' && (
          <TextField id="reg-phone" label="手机号" type="tel" inputMode="numeric" value={phone} onChange={setPhone}
            error={errors.phone} optional={optional(form.phone)} maxLength={11} autoComplete="tel-national"
            hint="仅主办方可见完整号码，用于开课提醒" />
        )}
        {form.company === 'OFF' && form.jobTitle === 'OFF' && form.phone === 'OFF' && (
          <p className="dialog-body">确认报名该培训？</p>
        )}
        <div className="dialog-actions">
          <button type="button" className="btn btn-ghost" onClick={onClose} data-testid="dialog-cancel">取消</button>
          <button type="submit" className="btn btn-primary" disabled={busy} data-testid="register-submit">
            {busy ? '提交中…' : '提交报名'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
