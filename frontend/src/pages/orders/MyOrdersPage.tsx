import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { ORDER_STATUS_LABEL, downloadCsv, ordersApi } from '../../api/orders';
import type { Order, OrderStatus } from '../../api/orders';
import { isApiError } from '../../api/errors';
import { FormAlert } from '../../components/Field';
import { formatDateTime, formatFen } from '../../lib/format';
import { usePageTitle } from '../../lib/usePageTitle';

const FILTERS: Array<{ value: OrderStatus | ''; label: string }> = [
  { value: '', label: '全部' },
  { value: 'CREATED', label: '待付款' },
  { value: 'PAID', label: '已付款' },
  { value: 'SHIPPED', label: '已发货' },
  { value: 'COMPLETED', label: '已完成' },
  { value: 'CANCELLED', label: '已取消' },
];

/** /orders — the buyer's orders, newest first, with a status filter, "load more" and CSV export. */
export function MyOrdersPage() {
  usePageTitle('我的订单');
  const [status, setStatus] = useState<OrderStatus | ''>('');
  const [orders, setOrders] = useState<Order[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async (after: string | null, signal?: AbortSignal) => {
    setLoading(true);
    try {
      const page = await ordersApi.mine({ status, after, limit: 20 }, signal);
      setOrders((prev) => (after ? [...prev, ...page.items] : page.items));
      setNext(page.next);
      setError(null);
    } catch (e) {
      if (!(e instanceof DOMException)) setError(isApiError(e) ? e.detail : '加载失败');
    } finally {
      setLoading(false);
    }
  }, [status]);

  useEffect(() => {
    const ctrl = new AbortController();
    void load(null, ctrl.signal);
    return () => ctrl.abort();
  }, [load]);

  return (
    <section className="container page orders-page" data-testid="my-orders">
      <div className="page-head">
        <h1>我的订单</h1>
        <button type="button" className="btn btn-ghost btn-sm"
          onClick={() => downloadCsv('/api/orders/export.csv', '我的订单.csv', { status }).catch(() => setError('导出失败'))}>
          导出 CSV
        </button>
      </div>
      <div className="chips" role="tablist">
        {FILTERS.map((f) => (
          <button key={f.value} type="button" role="tab" aria-selected={status === f.value}
            className={`chip${status === f.value ? ' chip-active' : ''}`} onClick={() => setStatus(f.value)}>
            {f.label}
          </button>
        ))}
      </div>
      <FormAlert message={error} />
      <ul className="order-list">
        {orders.map((o) => (
          <li key={o.id} className="order-row" data-testid="order-row">
            <Link to={`/orders/${o.id}`}>
              <div className="order-row-top">
                <span className="order-product">{o.productName}</span>
                <span className={`status status-${o.status.toLowerCase()}`}>{ORDER_STATUS_LABEL[o.status]}</span>
              </div>
              <div className="order-row-bottom muted small">
                <span>{formatDateTime(o.createdAt)} · ×{o.quantity}{o.dealId ? ' · 秒杀' : ''}{o.quoteId ? ' · 集采' : ''}</span>
                <strong>{formatFen(o.totalFen)}</strong>
              </div>
            </Link>
          </li>
        ))}
      </ul>
      {!loading && orders.length === 0 && <p className="muted" data-testid="orders-empty">还没有订单</p>}
      {next && (
        <button type="button" className="btn btn-ghost btn-block" disabled={loading} onClick={() => void load(next)}>
          {loading ? '加载中…' : '加载更多'}
        </button>
      )}
    </section>
  );
}
