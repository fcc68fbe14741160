import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { isApiError } from '../../../api/errors';
import { attendanceApi } from '../../../api/trainingAttendance';
import { FormAlert, TextField } from '../../../components/Field';

/** The series' certificate rule: minimum minutes watched, and whether replay counts. */
export function CertificateRuleForm({ seriesId, onSaved }: { seriesId: number; onSaved?: () => void }) {
  const [minutes, setMinutes] = useState('');
  const [replay, setReplay] = useState(false);
  const [configured, setConfigured] = useState(false);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const ctl = new AbortController();
    attendanceApi
      .rule(seriesId, ctl.signal)
      .then((r) => {
        setConfigured(r.configured);
        setMinutes(r.minWatchMinutes === null ? '' : String(r.minWatchMinutes));
        setReplay(r.includeReplay);
      })
      .catch(() => undefined);
    return () => ctl.abort();
  }, [seriesId]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setMessage(null);
    setError(null);
    const n = Number(minutes);
    if (!/^\d+$/.test(minutes.trim()) || n < 1 || n > 720) {
      setFieldError('请填写 1–720 之间的整数');
      return;
    }
    setFieldError(null);
    setBusy(true);
    attendanceApi
      .saveRule(seriesId, { minWatchMinutes: n, includeReplay: replay })
      .then((r) => {
        setConfigured(r.configured);
        setMessage('已保存');
        onSaved?.();
      })
      .catch((err: unknown) => {
        if (isApiError(err) && err.fieldErrors.minWatchMinutes) setFieldError(err.fieldErrors.minWatchMinutes);
        else setError(isApiError(err) ? err.detail : '保存失败');
      })
      .finally(() => setBusy(false));
  };

  return (
    <form className="card certificate-rule" onSubmit={submit} noValidate data-testid="certificate-rule">
      <h2>结业证书规则（本系列）</h2>
      <p className="small muted">{configured ? '本系列每节课程按此规则颁发证书。' : '未设置：按每节课程计划时长的一半、仅计直播。'}</p>
      <TextField id="rule-minutes" label="最少观看（分钟）" value={minutes} onChange={setMinutes} inputMode="numeric"
        maxLength={3} error={fieldError ?? undefined} />
      <label className="checkbox">
        <input type="checkbox" checked={replay} onChange={(e) => setReplay(e.target.checked)} /> 回看时长也计入
      </label>
      <button type="submit" className="btn btn-primary btn-sm" disabled={busy}>保存规则</button>
      <FormAlert message={error} />
      {message && <p className="small ok" role="status">{message}</p>}
    </form>
  );
}
