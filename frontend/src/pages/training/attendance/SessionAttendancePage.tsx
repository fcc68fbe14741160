import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { isApiError } from '../../../api/errors';
import { TRAINING_STATUS_LABELS, trainingApi } from '../../../api/training';
import { attendanceApi, formatWatch } from '../../../api/trainingAttendance';
import type { AttendanceReport } from '../../../api/trainingAttendance';
import { FormAlert } from '../../../components/Field';
import { formatCount, formatDateTime, formatTime } from '../../../lib/format';
import { usePageTitle } from '../../../lib/usePageTitle';
import { CertificateRuleForm } from './CertificateRuleForm';

function percent(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 100)}%`;
}

/**
 * /organiser/training/sessions/:id/attendance — a session's attendance for its organiser: the figures, every attendee's
 * stays and watch time, CSV export, and the series' certificate rule. Re-read every 30 s while the session is live.
 */
export function SessionAttendancePage() {
  const { id = '' } = useParams();
  const sessionId = Number(id);
  const [report, setReport] = useState<AttendanceReport | null>(null);
  const [seriesId, setSeriesId] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  usePageTitle(report ? `考勤 · ${report.summary.sessionTitle}` : '课程考勤');

  const load = useCallback(
    (signal?: AbortSignal) =>
      attendanceApi
        .report(sessionId, signal)
        .then((r) => {
          setReport(r);
          setError(null);
        })
        .catch((e: unknown) => {
          if (!signal?.aborted) setError(isApiError(e) ? e.detail : '加载失败');
        }),
    [sessionId],
  );

  useEffect(() => {
    if (!Number.isSafeInteger(sessionId) || sessionId <= 0) {
      setError('培训课程不存在');
      return;
    }
    const ctl = new AbortController();
    void load(ctl.signal);
    trainingApi.session(sessionId, ctl.signal).then((s) => setSeriesId(s.seriesId)).catch(() => undefined);
    return () => ctl.abort();
  }, [sessionId, load]);

  const live = report?.summary.status === 'LIVE';
  useEffect(() => {
    if (!live) return;
    const timer = window.setInterval(() => void load(), 30_000);
    return () => window.clearInterval(timer);
  }, [live, load]);

  const s = report?.summary;
  const figures: [string, string, string][] = s
    ? [
        ['报名', formatCount(s.registered), 'registered'],
        ['到课', formatCount(s.attended), 'attended'],
        ['峰值在线', formatCount(s.peakViewers), 'peak'],
        ['独立观众', formatCount(s.uniqueViewers), 'unique'],
        ['人均观看', formatWatch(s.averageWatchSeconds), 'average'],
        ['签到率', percent(s.checkInRate), 'checkin-rate'],
        ['提问', formatCount(s.questions), 'questions'],
        ['回看人次', formatCount(s.replayViews), 'replay-views'],
        ['可获证书', formatCount(s.eligible), 'eligible'],
      ]
    : [];

  return (
    <div className="container page attendance-page" data-testid="attendance-page">
      <p className="small">{seriesId ? <Link to={`/organiser/training/series/${seriesId}`}>← 返回系列</Link> : <Link to="/organiser/training">← 培训管理</Link>}</p>
      <h1>课程考勤{s ? `：${s.sessionTitle}` : ''}</h1>
      <FormAlert message={error} />
      {s && (
        <>
          <p className="small muted">
            {s.seriesTitle} · {formatDateTime(s.startsAt)} · {TRAINING_STATUS_LABELS[s.status]}
            {live && ' · 每 30 秒更新'}
          </p>
          <div className="attendance-figures-grid">
            {figures.map(([label, value, key]) => (
              <div className="figure" key={key} data-testid={`figure-${key}`}>
                <span className="figure-label">{label}</span>
                <strong>{value}</strong>
              </div>
            ))}
          </div>
          <p className="small muted">
            直播累计观看 {formatWatch(s.roomWatchSeconds)}（含未登录观众）· 学员累计 {formatWatch(s.attendeeWatchSeconds)} · 回看累计 {formatWatch(s.replayWatchSeconds)}
          </p>
          <div className="attendance-actions">
            <button type="button" className="btn btn-ghost btn-sm" data-testid="attendance-csv"
              onClick={() => attendanceApi.downloadCsv(sessionId).catch(() => setError('导出失败，请稍后再试'))}>
              导出 CSV
            </button>
          </div>
          <div className="table-wrap">
            <table className="data-table" data-testid="attendees">
              <thead>
                <tr>
                  <th>学员</th><th>首次进入</th><th>最后离开</th><th>进出</th><th>直播</th><th>回看</th><th>签到</th><th>提问</th><th>证书</th>
                </tr>
              </thead>
              <tbody>
                {report!.attendees.length === 0 && (
                  <tr><td colSpan={9} className="muted">还没有登录学员观看直播</td></tr>
                )}
                {report!.attendees.map((a) => (
                  <tr key={a.userId} data-testid="attendee-row">
                    <td>{a.name}</td>
                    <td>{a.firstJoin ? formatTime(a.firstJoin) : '未看直播'}</td>
                    <td>{a.lastLeave ? formatTime(a.lastLeave) : '—'}</td>
                    <td>{a.stays} 次</td>
                    <td>{formatWatch(a.liveSeconds)}</td>
                    <td>{formatWatch(a.replaySeconds)}</td>
                    <td>{a.checkedIn ? '✓' : '—'}</td>
                    <td>{a.questions}</td>
                    <td>{a.eligible ? '可获' : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {seriesId && <CertificateRuleForm seriesId={seriesId} onSaved={() => void load()} />}
        </>
      )}
    </div>
  );
}
