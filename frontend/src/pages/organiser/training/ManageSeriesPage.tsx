import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { isApiError } from '../../../api/errors';
import { TRAINING_STATUS_LABELS, organiserTrainingApi } from '../../../api/training';
import type { SeriesDetail, SessionCard, SessionDetail } from '../../../api/training';
import { FormAlert } from '../../../components/Field';
import { Toast, useToast } from '../../../components/Toast';
import { formatDateTime } from '../../../lib/format';
import { usePageTitle } from '../../../lib/usePageTitle';
import { SeriesForm } from './SeriesForm';
import { SessionForm } from './SessionForm';
import { OrganiserRegistrations } from '../../training/registration/OrganiserRegistrations';

/**
 * /organiser/training/series/:id — one series: edit it, its sessions (edit a scheduled one, start and end the live),
 * and a form for a new session (the edit form takes its place while a session is edited).
 */
export function ManageSeriesPage() {
  const { id = '' } = useParams();
  const seriesId = Number(id);
  const [series, setSeries] = useState<SeriesDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<number | null>(null);
  const [editingSeries, setEditingSeries] = useState(false);
  const [editing, setEditing] = useState<SessionDetail | null>(null);
  const [toast, showToast] = useToast();
  usePageTitle(series ? `管理：${series.title}` : '培训系列');

  const load = useCallback(
    (signal?: AbortSignal) =>
      organiserTrainingApi
        .series(seriesId, signal)
        .then(setSeries)
        .catch((e: unknown) => {
          if (!signal?.aborted) setError(isApiError(e) ? e.detail : '加载失败');
        }),
    [seriesId],
  );

  useEffect(() => {
    const ctl = new AbortController();
    void load(ctl.signal);
    return () => ctl.abort();
  }, [load]);

  const move = async (s: SessionCard, action: 'start' | 'end') => {
    setBusy(s.id);
    try {
      await (action === 'start' ? organiserTrainingApi.start(s.id) : organiserTrainingApi.end(s.id));
      showToast(action === 'start' ? '已开始直播' : '已结束直播');
      await load();
    } catch (e) {
      showToast(isApiError(e) ? e.detail : '操作失败，请稍后再试');
    } finally {
      setBusy(null);
    }
  };

  const edit = async (s: SessionCard) => {
    setBusy(s.id);
    try {
      setEditing(await organiserTrainingApi.session(s.id));
    } catch (e) {
      showToast(isApiError(e) ? e.detail : '加载失败');
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="container page training-manage" data-testid="manage-series-page">
      <p className="small"><Link to="/organiser/training">← 培训管理</Link></p>
      <FormAlert message={error} />
      {series && (
        <>
          <h1>{series.title}</h1>
          <p className="small muted">
            {series.audience && <>面向：{series.audience} · </>}
            <Link to={`/training/series/${series.id}`}>查看公开页面</Link>
            {!editingSeries && (
              <>
                {' · '}
                <button type="button" className="btn btn-ghost btn-sm" onClick={() => setEditingSeries(true)} data-testid="series-edit">
                  修改系列
                </button>
              </>
            )}
          </p>
          {editingSeries && (
            <SeriesForm
              initial={series}
              onSaved={(saved) => {
                setSeries(saved);
                setEditingSeries(false);
                showToast('系列已保存');
              }}
              onCancel={() => setEditingSeries(false)}
            />
          )}
          <ol className="schedule-list training-sessions">
            {series.sessions.map((s) => (
              <li key={s.id} className={`training-card${s.status === 'LIVE' ? ' is-live' : ''}`} data-testid="manage-session">
                <Link to={`/training/sessions/${s.id}`} className="training-card-title"><strong>{s.title}</strong></Link>
                <p className="small">{formatDateTime(s.startsAt)} · {s.durationMinutes} 分钟 · 讲师 {s.lecturer}</p>
                <p className="training-card-actions">
                  <span className={`training-status status-${s.status.toLowerCase()}`}>{TRAINING_STATUS_LABELS[s.status]}</span>
                  {s.status === 'SCHEDULED' && (
                    <button type="button" className="btn btn-ghost btn-sm" disabled={busy === s.id}
                      onClick={() => void edit(s)} data-testid="session-edit">
                      修改
                    </button>
                  )}
                  {s.status === 'SCHEDULED' && (
                    <button type="button" className="btn btn-primary btn-sm" disabled={busy === s.id}
                      onClick={() => void move(s, 'start')} data-testid="session-start">
                      开始直播
                    </button>
                  )}
                  {s.status === 'LIVE' && (
                    <button type="button" className="btn btn-ghost btn-sm" disabled={busy === s.id}
                      onClick={() => void move(s, 'end')} data-testid="session-end">
                      结束直播
                    </button>
                  )}
                  {s.status !== 'SCHEDULED' && (
                    <Link className="btn btn-ghost btn-sm" to={`/organiser/training/sessions/${s.id}/attendance`} data-testid="session-attendance">
                      考勤
                    </Link>
                  )}
                  {(s.status === 'ENDED' || s.status === 'REPLAY_AVAILABLE') && (
                    <Link to={`/organiser/training/sessions/${s.id}/replay`} className="btn btn-ghost btn-sm" data-testid="session-replay">
                      {s.status === 'ENDED' ? '设置回看' : '回看与数据'}
                    </Link>
                  )}
                  <Link className="btn btn-ghost btn-sm" to={`/organiser/training/sessions/${s.id}/console`} data-testid="session-console">
                    控制台
                  </Link>
                </p>
              </li>
            ))}
          </ol>
          <OrganiserRegistrations seriesId={series.id} />
          {editing ? (
            <SessionForm
              key={editing.id}
              seriesId={series.id}
              initial={editing}
              onSaved={() => {
                setEditing(null);
                showToast('课程已保存');
                void load();
              }}
              onCancel={() => setEditing(null)}
            />
          ) : (
            <SessionForm seriesId={series.id} onSaved={() => { showToast('课程已添加'); void load(); }} />
          )}
        </>
      )}
      <Toast message={toast} />
    </section>
  );
}
