import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { isApiError } from '../../api/errors';
import { fileUrl } from '../../api/files';
import { TRAINING_STATUS_LABELS, trainingApi } from '../../api/training';
import type { SeriesDetail } from '../../api/training';
import { FormAlert } from '../../components/Field';
import { formatDateTime } from '../../lib/format';
import { usePageTitle } from '../../lib/usePageTitle';
import { RegistrationPanel } from './registration/RegistrationPanel';

/** /training/series/:id — a series and its sessions in time order. */
export function SeriesPage() {
  const { id = '' } = useParams();
  const [series, setSeries] = useState<SeriesDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  usePageTitle(series?.title ?? '培训系列');

  useEffect(() => {
    const ctl = new AbortController();
    const n = Number(id);
    setSeries(null);
    setError(null);
    if (!Number.isSafeInteger(n) || n <= 0) {
      setError('培训系列不存在');
      return;
    }
    trainingApi
      .seriesDetail(n, ctl.signal)
      .then(setSeries)
      .catch((e: unknown) => {
        if (!ctl.signal.aborted) setError(isApiError(e) ? e.detail : '加载失败');
      });
    return () => ctl.abort();
  }, [id]);

  return (
    <section className="container page training-series" data-testid="series-page">
      <p className="small"><Link to="/training">← 全部培训</Link></p>
      <FormAlert message={error} />
      {series && (
        <>
          {series.coverFileId && <img className="training-cover training-cover-wide" src={fileUrl(series.coverFileId)} alt="" />}
          <h1>{series.title}</h1>
          {series.audience && <p className="muted">面向：{series.audience}</p>}
          <p className="small muted">主办：{series.organiser}</p>
          {series.tags.length > 0 && (
            <p className="chip-list">{series.tags.map((t) => <span key={t} className="chip chip-sm">{t}</span>)}</p>
          )}
          <RegistrationPanel seriesId={series.id} title={series.title} />
          <h2>课程安排</h2>
          {series.sessions.length === 0 && <p className="muted">课程即将发布。</p>}
          <ol className="schedule-list training-sessions">
            {series.sessions.map((s) => (
              <li key={s.id} className={`training-card${s.status === 'LIVE' ? ' is-live' : ''}`} data-testid="series-session">
                <Link to={`/training/sessions/${s.id}`} className="training-card-title"><strong>{s.title}</strong></Link>
                <p className="small">
                  {formatDateTime(s.startsAt)} · {s.durationMinutes} 分钟 · 讲师 {s.lecturer}
                </p>
                <span className={`training-status status-${s.status.toLowerCase()}`}>{TRAINING_STATUS_LABELS[s.status]}</span>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
