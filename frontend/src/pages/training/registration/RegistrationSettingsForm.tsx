import { useState } from 'react';
import type { FormEvent } from 'react';
import { isApiError } from '../../../api/errors';
import { FIELD_RULE_LABELS, MODE_LABELS, registrationApi } from '../../../api/trainingRegistration';
import type { FieldRule, RegistrationMode, RegistrationSettings } from '../../../api/trainingRegistration';
import { Field, FormAlert, SelectField, TextField } from '../../../components/Field';
import { fromShanghaiLocal, toShanghaiLocal } from './shanghaiTime';

/** the reminder choices offered (minutes before each session); at most five may be chosen */
export const REMINDER_CHOICES: Array<{ minutes: number; label: string }> = [
  { minutes: 10080, label: '提前 7 天' },
  { minutes: 1440, label: '提前 1 天' },
  { minutes: 120, label: '提前 2 小时' },
  { minutes: 30, label: '提前 30 分钟' },
  { minutes: 10, label: '提前 10 分钟' },
];

const MODES = (Object.keys(MODE_LABELS) as RegistrationMode[]).map((m) => ({ value: m, label: MODE_LABELS[m] }));
const RULES = (Object.keys(FIELD_RULE_LABELS) as FieldRule[]).map((r) => ({ value: r, label: FIELD_RULE_LABELS[r] }));

interface Props {
  settings: RegistrationSettings;
  onSaved: (s: RegistrationSettings) => void;
}

/** The organiser's registration settings of a series: mode, capacity, form fields, reminders, deadline. */
export function RegistrationSettingsForm({ settings, onSaved }: Props) {
  const [mode, setMode] = useState<RegistrationMode>(settings.mode);
  const [capacity, setCapacity] = useState(settings.capacity?.toString() ?? '');
  const [company, setCompany] = useState<FieldRule>(settings.company);
  const [jobTitle, setJobTitle] = useState<FieldRule>(settings.jobTitle);
  const [phone, setPhone] = useState<FieldRule>(settings.phone);
  const [offsets, setOffsets] = useState<number[]>(settings.reminderOffsets);
  const [deadline, setDeadline] = useState(toShanghaiLocal(settings.deadline));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const choices = [...REMINDER_CHOICES, ...offsets.filter((o) => !REMINDER_CHOICES.some((c) => c.minutes === o))
    .map((o) => ({ minutes: o, label: `提前 ${o} 分钟` }))];

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found: Record<string, string> = {};
    const cap = capacity.trim() === '' ? null : Number(capacity);
    if (mode === 'CAPACITY' && cap === null) found.capacity = '限额报名需填写名额';
    if (cap !== null && (!Number.isInteger(cap) || cap < 1 || cap > 100000)) found.capacity = '名额需在 1 到 100000 之间';
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    setAlert(null);
    try {
      onSaved(await registrationApi.saveSettings(settings.seriesId, {
        mode,
        capacity: mode === 'OPEN' ? null : cap,
        company,
        jobTitle,
        phone,
        reminderOffsets: offsets,
        deadline: fromShanghaiLocal(deadline),
      }));
    } catch (err) {
      if (isApiError(err)) {
        setErrors(err.fieldErrors);
        setAlert(err.detail);
      } else {
        setAlert('保存失败，请稍后再试');
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card registration-settings" onSubmit={(e) => void submit(e)} noValidate data-testid="registration-settings">
      <h3>报名设置</h3>
      <FormAlert message={alert} />
      <SelectField id="reg-mode" label="报名方式" value={mode} onChange={setMode} options={MODES} error={errors.mode} />
      {mode !== 'OPEN' && (
        <TextField id="reg-capacity" label={mode === 'CAPACITY' ? '名额' : '通过人数上限'} inputMode="numeric"
          value={capacity} onChange={setCapacity} error={errors.capacity} optional={mode === 'APPROVAL'} maxLength={6} />
      )}
      <div className="form-row">
        <SelectField id="reg-ask-company" label="单位名称" value={company} onChange={setCompany} options={RULES} />
        <SelectField id="reg-ask-job" label="职务" value={jobTitle} onChange={setJobTitle} options={RULES} />
        <SelectField id="reg-ask-phone" label="手机号" value={phone} onChange={setPhone} options={RULES} />
      </div>
      <fieldset className="field reminder-choices">
        <legend>开课提醒（站内通知与短信）</legend>
        <div className="chip-list">
          {choices.map((c) => (
            <label key={c.minutes} className="chip chip-check">
              <input
                type="checkbox"
                checked={offsets.includes(c.minutes)}
                onChange={(e) => setOffsets((prev) => (e.target.checked ? [...prev, c.minutes] : prev.filter((o) => o !== c.minutes))
                  .sort((a, b) => b - a))}
              />{' '}
              {c.label}
            </label>
          ))}
        </div>
        {errors.reminderOffsets && <p className="field-error" role="alert">{errors.reminderOffsets}</p>}
      </fieldset>
      <Field id="reg-deadline" label="报名截止（北京时间）" optional error={errors.deadline}>
        <input id="reg-deadline" type="datetime-local" value={deadline} onChange={(e) => setDeadline(e.target.value)} />
      </Field>
      <button type="submit" className="btn btn-primary" disabled={busy} data-testid="registration-settings-save">
        {busy ? '保存中…' : '保存报名设置'}
      </button>
    </form>
  );
}
