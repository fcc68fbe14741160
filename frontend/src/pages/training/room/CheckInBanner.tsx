import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { isApiError } from '../../../api/errors';
import { trainingRoomApi } from '../../../api/trainingRoom';
import type { CheckInState } from '../../../api/trainingRoom';
import { useAuth } from '../../../auth/AuthProvider';
import { mmss, useNow } from './roomData';

interface Props {
  sessionId: number;
  state: CheckInState | null;
  onMessage: (text: string) => void;
}

/**
 * While a check-in runs: "签到进行中，剩余 mm:ss" and a box for the 4-digit code the organiser reads out; then 已签到.
 * The topic carries only the window and the count: the code is never sent to viewers.
 */
export function CheckInBanner({ sessionId, state, onMessage }: Props) {
  const { user } = useAuth();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<{ checkInId: number; at: string } | null>(null);
  const closesAt = state?.closesAt ? Date.parse(state.closesAt) : 0;
  const now = useNow(closesAt > Date.now());
  const running = !!state?.checkInId && closesAt > now;
  const checkInId = state?.checkInId ?? null;

  // whether I already checked in to this check-in (e.g. on another device, or before a reload)
  useEffect(() => {
    if (!user || !checkInId) return;
    const ctl = new AbortController();
    trainingRoomApi
      .checkIn(sessionId, ctl.signal)
      .then((m) => {
        if (m?.state?.checkInId === checkInId && m.checkedInAt) setDone({ checkInId, at: m.checkedInAt });
      })
      .catch(() => undefined);
    return () => ctl.abort();
  }, [sessionId, user, checkInId]);

  const mineDone = !!done && done.checkInId === checkInId;
  if (!checkInId || (!running && !mineDone)) return null;

  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    if (!/^\d{4}$/.test(code) || busy) {
      setError('签到码为 4 位数字');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const m = await trainingRoomApi.enterCode(sessionId, code);
      if (m.checkedInAt && m.state.checkInId) setDone({ checkInId: m.state.checkInId, at: m.checkedInAt });
      onMessage('签到成功');
    } catch (e) {
      setError(isApiError(e) ? e.detail : '签到失败，请稍后再试');
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="checkin-banner" aria-label="签到" data-testid="checkin-banner">
      {mineDone ? (
        <p className="checkin-done" data-testid="checkin-done">已签到 ✓</p>
      ) : (
        <>
          <p className="checkin-title" role="timer" data-testid="checkin-remaining">
            签到进行中，剩余 {mmss(closesAt - now)}
          </p>
          {user ? (
            <form className="checkin-form" onSubmit={(e) => void submit(e)} noValidate>
              <input
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={4}
                value={code}
                onChange={(e) => setCode(e.target.value.replace(/\D/g, '').slice(0, 4))}
                placeholder="4 位签到码"
                aria-label="签到码"
                aria-invalid={!!error || undefined}
                data-testid="checkin-code"
              />
              <button type="submit" className="btn btn-primary btn-sm" disabled={busy || code.length !== 4} data-testid="checkin-submit">
                签到
              </button>
            </form>
          ) : (
            <p className="small">登录后签到</p>
          )}
          {error && <p className="form-error small" role="alert" data-testid="checkin-error">{error}</p>}
        </>
      )}
    </section>
  );
}
