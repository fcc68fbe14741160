import { useMemo } from 'react';
import type { TopProduct, TopSession } from '../../api/dashboard';
import { rankingOption } from './charts';
import { ROOM_KIND_LABELS, formatNumber, formatYuan } from './dashboard';
import { LazyChart } from './LazyChart';

/** Top products by GMV and top sessions by peak viewers: bars, with the same figures as a list. */
export function Rankings({ products, sessions, dark }: { products: TopProduct[]; sessions: TopSession[]; dark: boolean }) {
  const productBars = useMemo(
    () => rankingOption(products.map((p) => ({ name: p.name, value: p.gmvFen / 100 })), '成交额（元）', dark),
    [products, dark],
  );
  const sessionBars = useMemo(
    () => rankingOption(sessions.map((s) => ({ name: s.title, value: s.peakViewers })), '峰值在线', dark),
    [sessions, dark],
  );
  return (
    <>
      <section className="dash-panel" aria-labelledby="dash-products-title">
        <h2 id="dash-products-title">商品成交排行</h2>
        {products.length === 0 ? (
          <p className="muted" data-testid="products-empty">暂无成交商品</p>
        ) : (
          <figure className="dash-ranking">
            <LazyChart option={productBars} className="dash-chart dash-chart-ranking" testId="products-chart" />
            <figcaption>
              <ol className="dash-rank-list" data-testid="products-list">
                {products.map((p) => (
                  <li key={p.productId} data-testid="product-rank">
                    <span className="dash-rank-name">{p.name}<span className="muted small"> {p.merchant}</span></span>
                    <span className="dash-rank-value">{formatNumber(p.orders)} 单 · {formatYuan(p.gmvFen)}</span>
                  </li>
                ))}
              </ol>
            </figcaption>
          </figure>
        )}
      </section>
      <section className="dash-panel" aria-labelledby="dash-sessions-title">
        <h2 id="dash-sessions-title">场次人气排行</h2>
        {sessions.length === 0 ? (
          <p className="muted" data-testid="sessions-empty">暂无场次</p>
        ) : (
          <figure className="dash-ranking">
            <LazyChart option={sessionBars} className="dash-chart dash-chart-ranking" testId="sessions-chart" />
            <figcaption>
              <ol className="dash-rank-list" data-testid="sessions-list">
                {sessions.map((s) => (
                  <li key={`${s.kind}-${s.id}`} data-testid="session-rank">
                    <span className="dash-rank-name"><span className="dash-kind">{ROOM_KIND_LABELS[s.kind] ?? s.kind}</span>{s.title}</span>
                    <span className="dash-rank-value">峰值 {formatNumber(s.peakViewers)} · 独立 {formatNumber(s.uniqueViewers)}</span>
                  </li>
                ))}
              </ol>
            </figcaption>
          </figure>
        )}
      </section>
    </>
  );
}
