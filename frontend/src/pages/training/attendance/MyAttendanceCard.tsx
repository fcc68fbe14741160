import { useEffect, useState } from 'react';
import { isApiError } from '../../../api/errors';
import { attendanceApi, formatWatch } from '../../../api/trainingAttendance';
import type { MyAttendance } from '../../../api/trainingAttendance';
import { FormAlert } from '../../../components/Field';
import { formatTime } from '../../../lib/format';

/** How often a live session's own record is re-read (slots are 30 s; presence reports every 10 s). */
export const LIVE_REFRESH_MS = 30_000;

/**
 * 我的学习记录 on a training session page (logged-in users): live and replay watch time, when they joined and left,
 * check-in, and the certificate — with the reason when it cannot be had yet. Re-read every 30 s while the session is live.
 */
export function MyAttendanceCard({ sessionId, live, status }: { sessionId: number; live: boolean; status: string }) {
  const [mine, setMine] = useState<MyAttendance | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const ctl = new AbortController();
    const load = () =>
      attendanceApi
        .mine(sessionId, ctl.signal)
        .then((m) => setMine(m))
        .catch(() => {
          /* the card stays as it was; the next read may succeed */
        });
    void load();
    const timer = live ? window.setInterval(load, LIVE_REFRESH_MS) : undefined;
    return () => {
      ctl.abort();
      if (timer) window.clearInterval(timer);
    };
  }, [sessionId, live, status]);

  if (!mine) return null;
  const counted = mine.liveSeconds + (mine.certificateCountsReplay ? mine.replaySeconds : 0);

  const download = () => {
    setBusy(true);
    setError(null);
    attendanceApi
      .downloadCertificate(sessionId)
      .then(() => attendanceApi.mine(sessionId).then(setMine))
      .catch((e: unknown) => setError(isApiError(e) ? e.detail : '下载失败，请稍后再试'))
      .finally(() => setBusy(false));
  };

  return (
    <section className="card my-attendance" data-testid="my-attendance">
      <h2>我的学习记录</h2>
      <dl className="attendance-figures">
        <div><dt>直播观看</dt><dd data-testid="my-live-watch">{formatWatch(mine.liveSeconds)}</dd></div>
        <div><dt>回看</dt><dd>{formatWatch(mine.replaySeconds)}</dd></div>
        <div><dt>签到</dt><dd data-testid="my-checkin">{mine.checkedIn ? '已签到' : '未签到'}</dd></div>
        <div><dt>提问</dt><dd>{mine.questions} 个</dd></div>
      </dl>
      {mine.stays.length > 0 && (
        <p className="small muted" data-testid="my-stays">
          进出记录：{mine.stays.map((s) => `${formatTime(s.joinedAt)}–${formatTime(s.leftAt)}`).join('，')}
        </p>
      )}
      <div className="certificate-line">
        {mine.certificateCode ? (
          <>
            <button type="button" className="btn btn-primary btn-sm" onClick={download} disabled={busy} data-testid="certificate-download">
              下载结业证书
            </button>
            <a className="small" href={`/verify/${mine.certificateCode}`} target="_blank" rel="noreferrer">证书编号 {mine.certificateCode}</a>
          </>
        ) : mine.sessionOver && mine.eligible ? (
          <button type="button" className="btn btn-primary btn-sm" onClick={download} disabled={busy} data-testid="certificate-download">
            领取结业证书（PDF）
          </button>
        ) : (
          <p className="small muted" data-testid="certificate-hint">
            结业证书：{mine.certificateCountsReplay ? '直播与回看' : '直播'}累计观看满 {mine.certificateMinutes} 分钟
            {mine.sessionOver ? '可领取' : '，课程结束后可领取'}（已计 {formatWatch(counted)}）
          </p>
        )}
      </div>
      <FormAlert message={error} />
    </section>
  );
}
