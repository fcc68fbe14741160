import { useEffect, useState } from 'react';
import { isApiError } from '../../../api/errors';
import { trainingConsoleApi } from '../../../api/trainingRoom';
import type { CheckIn } from '../../../api/trainingRoom';
import { formatTime } from '../../../lib/format';
import { trainingDestinations } from '../../../realtime/destinations';
import { useLatest } from '../../../realtime/useTopic';
import { isCheckInState, mmss, useNow } from './roomData';

interface Props {
  sessionId: number;
  live: boolean;
  onMessage: (text: string) => void;
}

/**
 * The organiser's check-in: start one (1–30 minutes, default 5) while live; its code is shown big here (read it out
 * or show it in the video), with the time left and a live count of who checked in.
 */
export function ConsoleCheckIn({ sessionId, live, onMessage }: Props) {
  const [checkIns, setCheckIns] = useState<CheckIn[]>([]);
  const [minutes, setMinutes] = useState('5');
  const [reload, setReload] = useState(0);
  // the server's clock minus this device's, so the countdown matches the server's window
  const [skew, setSkew] = useState(0);
  const state = useLatest<unknown>(trainingDestinations.checkin(sessionId));

  useEffect(() => {
    const ctl = new AbortController();
    trainingConsoleApi
      .checkIns(sessionId, ctl.signal)
      .then((c) => {
        if (c && Array.isArray(c.checkIns)) {
          setCheckIns(c.checkIns);
          setSkew(Date.parse(c.now) - Date.now());
        }
      })
      .catch(() => undefined);
    return () => ctl.abort();
  }, [sessionId, reload]);

  const latest = checkIns.length > 0 ? checkIns[checkIns.length - 1] : null;
  const closesAt = latest ? Date.parse(latest.closesAt) : 0;
  const now = useNow(closesAt > Date.now() + skew) + skew;
  const running = !!latest && closesAt > now;
  const count = isCheckInState(state) && state.checkInId === latest?.id ? state.count : (latest?.count ?? 0);

  const start = async () => {
    const n = Number(minutes);
    if (!Number.isInteger(n) || n < 1 || n > 30) {
      onMessage('签到时长为 1-30 分钟');
      return;
    }
    try {
      await trainingConsoleApi.startCheckIn(sessionId, n);
      onMessage('签到已发起');
      setReload((x) => x + 1);
    } catch (e) {
      onMessage(isApiError(e) ? (e.fieldError('minutes') ?? e.detail) : '发起失败');
    }
  };

  return (
    <section className="card tc-checkin" aria-label="签到" data-testid="console-checkin">
      <h2>签到</h2>
      {running && latest ? (
        <div className="checkin-live">
          <p className="muted small">请向学员读出或在画面中展示签到码</p>
          <p className="checkin-code" data-testid="checkin-code-big" aria-label={`签到码 ${latest.code.split('').join(' ')}`}>{latest.code}</p>
          <p>
            剩余 <strong data-testid="checkin-left">{mmss(closesAt - now)}</strong> · 已签到{' '}
            <strong data-testid="checkin-count">{count}</strong> 人
          </p>
        </div>
      ) : (
        <p className="poll-editor-row">
          <label className="small">
            时长（分钟）
            <input type="number" min={1} max={30} value={minutes} onChange={(e) => setMinutes(e.target.value)}
              className="checkin-minutes" data-testid="checkin-minutes" />
          </label>
          <button type="button" className="btn btn-primary btn-sm" disabled={!live} onClick={() => void start()} data-testid="checkin-start">
            发起签到
          </button>
          {!live && <span className="muted small">直播中才能发起签到</span>}
        </p>
      )}
      {checkIns.length > 0 && (
        <ol className="checkin-history small">
          {checkIns.map((c, i) => (
            <li key={c.id}>
              第 {i + 1} 次 · {formatTime(c.opensAt)}–{formatTime(c.closesAt)} · 签到码 {c.code} ·{' '}
              {c.id === latest?.id ? count : c.count} 人
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
