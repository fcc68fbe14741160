import { Link } from 'react-router-dom';
import { fileUrl, pastLiveApi } from '../../api/live';
import type { PastSessionCard } from '../../api/live';
import { formatCount, formatDateTime } from '../../lib/format';
import { ProductMonogram } from '../catalogue/ProductMonogram';
import { usePagedList } from '../../lib/usePagedList';

const PAGE_SIZE = 10;
const fetchPast = (after: string | null) => pastLiveApi.past(after, PAGE_SIZE);

/** 往期直播 on /live: ended sessions, most recently ended first, with what they kept and the replay link. */
export function PastSessions() {

  const { items, next, loading, error, load } = usePagedList<PastSessionCard>(fetchPast, '往期直播加载失败');

  if (!loading && !error && items.length === 0) return null;
  return (
    <section className="past-sessions" aria-labelledby="past-sessions-title" data-testid="past-sessions">
      <h2 id="past-sessions-title">往期直播</h2>
      {error && (
        <p className="form-alert" role="alert">
          {error}
        </p>
      )}
      <ul className="schedule-list">
        {items.map((s) => (
          <PastCard key={s.id} session={s} />
        ))}
      </ul>
      <div className="list-footer">
        {loading && <span className="muted">加载中…</span>}
        {!loading && next && (
          <button type="button" className="btn btn-ghost" onClick={() => load(next)} data-testid="past-more">
            更多往期
          </button>
        )}
      </div>
    </section>
  );
}

function PastCard({ session: s }: { session: PastSessionCard }) {
  const f = s.figures;
  return (
    <li className="schedule-card is-past" data-testid="past-card" data-id={s.id}>
      <Link to={`/live/${s.id}`} className="schedule-cover" aria-label={`查看直播：${s.title}`}>
        {s.coverFileId ? (
          <img src={fileUrl(s.coverFileId)} alt="" loading="lazy" />
        ) : (
          <ProductMonogram name={s.merchant.name} className="schedule-cover-empty" />
        )}
        <span className="schedule-ended-badge">已结束</span>
      </Link>
      <div className="schedule-main">
        <h3 className="schedule-title">
          <Link to={`/live/${s.id}`}>{s.title}</Link>
        </h3>
        <p className="schedule-meta muted small">
          {s.merchant.name} · {formatDateTime(s.endedAt)} 结束
        </p>
        <dl className="past-figures" data-testid="past-figures">
          <div>
            <dt>峰值</dt>
            <dd data-testid="past-peak">{formatCount(f.peak)}</dd>
          </div>
          <div>
            <dt>观看</dt>
            <dd data-testid="past-unique">{formatCount(f.unique)}</dd>
          </div>
          <div>
            <dt>点赞</dt>
            <dd data-testid="past-likes">{formatCount(f.likes)}</dd>
          </div>
          <div>
            <dt>订单</dt>
            <dd data-testid="past-orders">{formatCount(f.orders)}</dd>
          </div>
        </dl>
        {s.replayUrl && (
          <p className="schedule-actions">
            <a
              className="btn btn-gold btn-sm"
              href={s.replayUrl}
              target="_blank"
              rel="noopener noreferrer nofollow"
              data-testid="past-replay"
            >
              观看回放
            </a>
          </p>
        )}
      </div>
    </li>
  );
}
