import { useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { catalogueApi } from '../../api/catalogue';
import type { ProductCard } from '../../api/catalogue';
import { fileUrl, liveApi } from '../../api/live';
import type { LiveSessionCard } from '../../api/live';
import { formatDateTime } from '../../lib/format';
import { ProductCardView } from '../catalogue/ProductCardView';
import { ProductMonogram } from '../catalogue/ProductMonogram';
import { formatCountdown, msUntil, useNow } from '../live/countdown';

/** how many sessions of the schedule the home page reads, and shows per row */
const SCHEDULE_READ = 20;
const UPCOMING_SHOWN = 4;
const PRODUCTS_SHOWN = 8;

type Load<T> = { state: 'loading' } | { state: 'ready'; value: T } | { state: 'failed' };

/**
 * What is on now, on the home page: 正在直播, 即将开播 (with a countdown ticking every second) and a row of
 * products, from the public schedule and catalogue. A part that cannot be read says so and links to its page.
 */
export function HomeNow() {
  const [schedule, setSchedule] = useState<Load<LiveSessionCard[]>>({ state: 'loading' });
  const [products, setProducts] = useState<Load<ProductCard[]>>({ state: 'loading' });
  const now = useNow(1000);

  useEffect(() => {
    const abort = new AbortController();
    liveApi.schedule(null, SCHEDULE_READ, abort.signal).then(
      (page) => setSchedule({ state: 'ready', value: page.items }),
      () => !abort.signal.aborted && setSchedule({ state: 'failed' }),
    );
    catalogueApi.list({ limit: PRODUCTS_SHOWN }, abort.signal).then(
      (page) => setProducts({ state: 'ready', value: page.items }),
      () => !abort.signal.aborted && setProducts({ state: 'failed' }),
    );
    return () => abort.abort();
  }, []);

  const sessions = schedule.state === 'ready' ? schedule.value : [];
  const live = sessions.filter((s) => s.status === 'LIVE');
  const upcoming = sessions.filter((s) => s.status === 'SCHEDULED').slice(0, UPCOMING_SHOWN);

  return (
    <div className="container home-now" data-testid="home-now">
      <section className="home-block" aria-labelledby="home-live-title" data-testid="home-live">
        <div className="home-block-head">
          <h2 id="home-live-title">
            <span className="live-dot" aria-hidden="true" /> 正在直播
          </h2>
          <Link to="/live" className="home-more">
            全部直播 <span aria-hidden="true">→</span>
          </Link>
        </div>
        {schedule.state === 'loading' && <p className="muted small">加载中…</p>}
        {schedule.state === 'failed' && <p className="muted small">直播信息暂时无法加载，请稍后再试。</p>}
        {schedule.state === 'ready' && live.length === 0 && (
          <p className="muted small" data-testid="home-live-empty">
            现在没有直播{upcoming.length > 0 ? '，看看下面即将开播的场次' : ''}。
          </p>
        )}
        <ul className="home-sessions">
          {live.map((s) => (
            <SessionTile key={s.id} session={s}>
              <span className="home-tile-when">
                <span className="home-live-badge">直播中</span> 进入直播间
              </span>
            </SessionTile>
          ))}
        </ul>
      </section>

      {upcoming.length > 0 && (
        <section className="home-block" aria-labelledby="home-upcoming-title" data-testid="home-upcoming">
          <div className="home-block-head">
            <h2 id="home-upcoming-title">即将开播</h2>
          </div>
          <ul className="home-sessions">
            {upcoming.map((s) => {
              const left = msUntil(s.startsAt, now);
              return (
                <SessionTile key={s.id} session={s}>
                  <span className="home-tile-when small">{formatDateTime(s.startsAt)} 开播</span>
                  <span className="schedule-countdown" data-testid="home-countdown">
                    {left > 0 ? `倒计时 ${formatCountdown(left)}` : '即将开播'}
                  </span>
                </SessionTile>
              );
            })}
          </ul>
        </section>
      )}

      <section className="home-block" aria-labelledby="home-products-title" data-testid="home-products">
        <div className="home-block-head">
          <h2 id="home-products-title">好物推荐</h2>
          <Link to="/products" className="home-more">
            逛展厅 <span aria-hidden="true">→</span>
          </Link>
        </div>
        {products.state === 'loading' && <p className="muted small">加载中…</p>}
        {products.state === 'failed' && <p className="muted small">商品暂时无法加载，请稍后再试。</p>}
        {products.state === 'ready' && products.value.length === 0 && <p className="muted small">商品即将上架。</p>}
        {products.state === 'ready' && products.value.length > 0 && (
          <ul className="product-grid home-products">
            {products.value.map((p) => (
              <ProductCardView key={p.id} product={p} />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function SessionTile({ session: s, children }: { session: LiveSessionCard; children: ReactNode }) {
  return (
    <li className={`home-tile${s.status === 'LIVE' ? ' is-live' : ''}`} data-testid="home-session" data-id={s.id}>
      <Link to={`/live/${s.id}`} className="home-tile-link">
        <span className="home-tile-cover">
          {s.coverFileId ? (
            <img src={fileUrl(s.coverFileId)} alt="" loading="lazy" />
          ) : (
            <ProductMonogram name={s.merchant.name} className="schedule-cover-empty" />
          )}
        </span>
        <span className="home-tile-body">
          <span className="home-tile-title">{s.title}</span>
          <span className="home-tile-merchant muted small">{s.merchant.name}</span>
          {children}
        </span>
      </Link>
    </li>
  );
}
