import { useCallback } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { organiserFairApi } from '../../../api/fairScreening';
import { FormAlert } from '../../../components/Field';
import { usePageTitle } from '../../../lib/usePageTitle';
import { usePagedList } from '../../../lib/usePagedList';
import { FairCardView } from './FairCardView';
import { FairForm } from './FairForm';
import '../fair.css';

/** /organiser/fairs — the fairs I created or co-organise (an admin: all), and a form for a new one. */
export function OrganiserFairsPage() {
  usePageTitle('对接会管理');
  const navigate = useNavigate();
  const fetchPage = useCallback((after: string | null) => organiserFairApi.mine(after), []);
  const list = usePagedList(fetchPage);
  return (
    <section className="container page" data-testid="organiser-fairs">
      <p className="small"><Link to="/organiser">← 组织方</Link> · <Link to="/organiser/fairs/kpi">全部对接会指标</Link></p>
      <h1>对接会管理</h1>
      <FormAlert message={list.error} />
      {!list.loading && list.items.length === 0 && !list.error && <p className="muted">还没有对接会，先新建一个。</p>}
      <ul className="fair-list">
        {list.items.map((f) => <FairCardView key={f.id} fair={f} to={`/organiser/fairs/${f.id}`} showStatus />)}
      </ul>
      {list.next && (
        <p><button type="button" className="btn btn-ghost" disabled={list.loading} onClick={() => void list.load(list.next)}>
          {list.loading ? '加载中…' : '加载更多'}
        </button></p>
      )}
      <FairForm onSaved={(d) => navigate(`/organiser/fairs/${d.fair.id}`)} />
    </section>
  );
}
