import { useEffect, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { fairMatchingApi, roleLabel, sideLabel } from '../../../api/fairMatching';
import type { MyMatches } from '../../../api/fairMatching';
import { isApiError } from '../../../api/errors';
import { FormAlert } from '../../../components/Field';
import { formatDateTime } from '../../../lib/format';
import { usePageTitle } from '../../../lib/usePageTitle';
import { MatchChips } from './MatchChips';
import './matching.css';
import { FairNav } from '../FairNav';

/**
 * /fairs/:id/matches 智能匹配 — the counterpart listings of my enterprise's listings, best first, each with its score
 * and the parts of it as chips; a filter by one of my listings (?listing=); the organisers' recommendations on top.
 */
export function FairMatchesPage() {
  usePageTitle('智能匹配');
  const fairId = Number(useParams().id);
  const [search, setSearch] = useSearchParams();
  const listing = search.get('listing') ? Number(search.get('listing')) : null;
  const [data, setData] = useState<MyMatches | null>(null);
  const [error, setError] = useState<{ status: number; detail: string } | null>(null);

  useEffect(() => {
    const ctl = new AbortController();
    setError(null);
    fairMatchingApi.mine(fairId, listing, null, ctl.signal).then(setData).catch((e) => {
      if (ctl.signal.aborted) return;
      setError(isApiError(e) ? { status: e.status, detail: e.detail } : { status: 0, detail: '加载失败' });
    });
    return () => ctl.abort();
  }, [fairId, listing]);

  const more = async () => {
    if (!data?.next) return;
    try {
      const page = await fairMatchingApi.mine(fairId, listing, data.next);
      setData({ ...data, matches: [...data.matches, ...page.matches], next: page.next });
    } catch (e) {
      setError({ status: 0, detail: isApiError(e) ? e.detail : '加载失败' });
    }
  };

  const pick = (value: string) => {
    const next = new URLSearchParams(search);
    if (value) next.set('listing', value);
    else next.delete('listing');
    setSearch(next, { replace: true });
  };

  return (
    <section className="container page fair-matches" data-testid="fair-matches">
      <FairNav fairId={fairId} />
      <h1>智能匹配</h1>
      {error?.status === 403 ? (
        <p className="muted" data-testid="matches-locked">
          {error.detail}。<Link to={`/fairs/${fairId}/register`}>去报名</Link>
        </p>
      ) : (
        <FormAlert message={error?.detail} />
      )}
      {data && (
        <>
          {data.recommended.length > 0 && (
            <>
              <h2>主办方推荐</h2>
              <ul className="match-list">
                {data.recommended.map((r) => (
                  <li key={r.participantId} className="match-row match-recommended" data-testid="recommended">
                    <span>
                      <strong>{r.enterpriseName}</strong>
                      <span className="small muted"> · {roleLabel(r.role)}</span>
                    </span>
                    <span className="small">{r.note}</span>
                    <span className="small muted">{formatDateTime(r.createdAt)}</span>
                  </li>
                ))}
              </ul>
            </>
          )}
          <div className="match-filter">
            <label htmlFor="match-listing">我的供需信息</label>
            <select id="match-listing" value={listing ?? ''} onChange={(e) => pick(e.target.value)}>
              <option value="">全部（{data.listings.length} 条）</option>
              {data.listings.map((l) => (
                <option key={l.id} value={l.id}>{`【${sideLabel(l.side)}】${l.title}`}</option>
              ))}
            </select>
          </div>
          {data.matches.length === 0 && (
            <p className="muted" data-testid="matches-empty">
              {data.listings.length === 0 ? (
                <>还没有发布供需信息。<Link to="/me/listings">去发布</Link>，匹配会自动计算。</>
              ) : '暂时没有匹配的信息。完善标题、描述与关键词，或等待更多企业发布信息。'}
            </p>
          )}
          <ol className="match-list">
            {data.matches.map((m) => (
              <li key={`${m.listingId}-${m.counterpart.listingId}`} className="match-card" data-testid="match">
                <span className="match-score" aria-label={`匹配度 ${m.score} 分`}>
                  {m.score}
                  <small>分</small>
                </span>
                <div>
                  <span className={`match-side${m.counterpart.side === 'DEMAND' ? ' is-demand' : ''}`}>
                    {sideLabel(m.counterpart.side)}
                  </span>
                  <strong>{m.counterpart.title}</strong>
                </div>
                <p className="small muted">
                  {m.counterpart.enterpriseName} · {m.counterpart.region}
                  {m.counterpart.categoryName ? ` · ${m.counterpart.categoryName}` : ''}
                </p>
                {listing === null && <p className="small">匹配我的：{m.listingTitle}</p>}
                <MatchChips parts={m.parts} />
                <p className="match-actions">
                  <Link className="btn btn-ghost btn-sm" data-testid="match-meet"
                    to={`/fairs/${fairId}/meetings?invite=${m.counterpart.participantId}&name=${encodeURIComponent(m.counterpart.enterpriseName)}`}>
                    约见洽谈
                  </Link>
                </p>
              </li>
            ))}
          </ol>
          {data.next && (
            <p className="training-more">
              <button type="button" className="btn btn-ghost" onClick={() => void more()}>加载更多</button>
            </p>
          )}
        </>
      )}
    </section>
  );
}
