import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { fairApi } from '../../../api/fairScreening';
import type { FairKind, Participation } from '../../../api/fairScreening';
import { useAuth } from '../../../auth/AuthProvider';
import { FormAlert } from '../../../components/Field';
import { usePageTitle } from '../../../lib/usePageTitle';
import { usePagedList } from '../../../lib/usePagedList';
import { KIND_LABELS, STATUS_LABELS } from '../fairLabels';
import { FairCardView } from './FairCardView';
import '../fair.css';

const KINDS = Object.keys(KIND_LABELS) as FairKind[];

/** /fairs — public fairs (upcoming or past, by kind and region, 加载更多) and, when signed in, my enterprise's fairs. */
export function FairListPage() {
  usePageTitle('供需对接会');
  const { user, hasRole } = useAuth();
  const [kind, setKind] = useState<FairKind | ''>('');
  const [regionInput, setRegionInput] = useState('');
  const [region, setRegion] = useState('');
  const [when, setWhen] = useState<'upcoming' | 'past'>('upcoming');
  const [mine, setMine] = useState<Participation[]>([]);

  const fetchPage = useCallback((after: string | null) => fairApi.list({ kind, region, when }, after), [kind, region, when]);
  const list = usePagedList(fetchPage);

  useEffect(() => {
    if (!user) {
      setMine([]);
      return;
    }
    const ctl = new AbortController();
    fairApi.mine(ctl.signal).then(setMine).catch(() => setMine([]));
    return () => ctl.abort();
  }, [user]);

  return (
    <section className="container page fair-list-page" data-testid="fair-list-page">
      <h1>供需对接会</h1>
      <p className="muted">采购对接、投融资路演、链主对接与云展会：报名、审核、参会企业名录、匹配与洽谈。</p>
      {(hasRole('ORGANISER') || hasRole('ADMIN')) && (
        <p><Link to="/organiser/fairs" className="btn btn-ghost btn-sm">管理我的对接会</Link></p>
      )}
      {mine.length > 0 && (
        <>
          <h2>我的对接会</h2>
          <ul className="fair-list" data-testid="my-fairs">
            {mine.map((p) => (
              <FairCardView key={p.fair.id} fair={p.fair} extra={
                <p><span className={`fair-status fair-status-${p.mine.status}`}>{STATUS_LABELS[p.mine.status]}</span></p>
              } />
            ))}
          </ul>
        </>
      )}
      <h2>{when === 'upcoming' ? '即将举办' : '往期回顾'}</h2>
      <form className="fair-filters" onSubmit={(e) => { e.preventDefault(); setRegion(regionInput.trim()); }}>
        <select aria-label="类型" value={kind} onChange={(e) => setKind(e.target.value as FairKind | '')} data-testid="filter-kind">
          <option value="">全部类型</option>
          {KINDS.map((k) => <option key={k} value={k}>{KIND_LABELS[k]}</option>)}
        </select>
        <input type="search" aria-label="地区" placeholder="地区，如：安徽省" maxLength={60} value={regionInput}
          onChange={(e) => setRegionInput(e.target.value)} onBlur={() => setRegion(regionInput.trim())} data-testid="filter-region" />
        <select aria-label="时间" value={when} onChange={(e) => setWhen(e.target.value as 'upcoming' | 'past')} data-testid="filter-when">
          <option value="upcoming">即将举办</option>
          <option value="past">已结束</option>
        </select>
      </form>
      <FormAlert message={list.error} />
      {!list.loading && list.items.length === 0 && !list.error && <p className="muted" data-testid="fairs-empty">暂无对接会。</p>}
      <ul className="fair-list">
        {list.items.map((f) => <FairCardView key={f.id} fair={f} />)}
      </ul>
      {list.next && (
        <p><button type="button" className="btn btn-ghost" disabled={list.loading} onClick={() => void list.load(list.next)}>
          {list.loading ? '加载中…' : '加载更多'}
        </button></p>
      )}
    </section>
  );
}
