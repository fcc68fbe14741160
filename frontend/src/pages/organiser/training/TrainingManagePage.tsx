import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { isApiError } from '../../../api/errors';
import { organiserTrainingApi } from '../../../api/training';
import type { SeriesCard } from '../../../api/training';
import { FormAlert } from '../../../components/Field';
import { usePageTitle } from '../../../lib/usePageTitle';
import { SeriesForm } from './SeriesForm';

/** /organiser/training — the organiser's series (an admin sees all) and a form for a new one. */
export function TrainingManagePage() {
  usePageTitle('培训管理');
  const navigate = useNavigate();
  const [items, setItems] = useState<SeriesCard[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const ctl = new AbortController();
    organiserTrainingApi
      .mine(null, ctl.signal)
      .then((page) => setItems(page.items))
      .catch((e: unknown) => {
        if (!ctl.signal.aborted) setError(isApiError(e) ? e.detail : '加载失败');
      });
    return () => ctl.abort();
  }, []);

  return (
    <section className="container page training-manage" data-testid="training-manage">
      <p className="small"><Link to="/organiser">← 组织方</Link></p>
      <h1>培训管理</h1>
      <FormAlert message={error} />
      {items && items.length === 0 && <p className="muted" data-testid="manage-empty">还没有培训系列，先新建一个。</p>}
      {items && items.length > 0 && (
        <ul className="schedule-list training-list">
          {items.map((s) => (
            <li key={s.id} className="training-card" data-testid="manage-series">
              <Link to={`/organiser/training/series/${s.id}`} className="training-card-title"><strong>{s.title}</strong></Link>
              <p className="small muted">{s.sessionCount} 节课{s.liveCount > 0 ? ` · ${s.liveCount} 节直播中` : ''}</p>
            </li>
          ))}
        </ul>
      )}
      <SeriesForm onSaved={(s) => navigate(`/organiser/training/series/${s.id}`)} />
    </section>
  );
}
