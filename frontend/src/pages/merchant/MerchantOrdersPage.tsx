import { useCallback, useEffect, useState } from 'react';
import { ORDER_STATUS_LABEL, downloadCsv, merchantOrdersApi } from '../../api/orders';
import type { Order, OrderStatus } from '../../api/orders';
import { isApiError } from '../../api/errors';
import { merchantLiveApi } from '../../api/live';
import type { LiveSessionCard } from '../../api/live';
import { FormAlert } from '../../components/Field';
import { formatDateTime, formatFen } from '../../lib/format';
import { usePageTitle } from '../../lib/usePageTitle';
import { SuspendedBanner } from './SuspendedBanner';
import { OrderActionDialog } from './OrderDialogs';
import type { OrderAction } from './OrderDialogs';

const STATUSES: Array<OrderStatus | ''> = ['', 'CREATED', 'PAID', 'SHIPPED', 'COMPLETED', 'CANCELLED'];

/** /merchant/orders — the merchant's orders: filter by status / live session, confirm payment, ship, cancel, export. */
export function MerchantOrdersPage() {
  usePageTitle('订单管理');
  const [status, setStatus] = useState<OrderStatus | ''>('');
  const [session, setSession] = useState('');
  const [sessions, setSessions] = useState<LiveSessionCard[]>([]);
  const [orders, setOrders] = useState<Order[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const sessionId = /^\d+$/.test(session) ? Number(session) : undefined;

  const load = useCallback(async (after: string | null, signal?: AbortSignal) => {
    try {
      const page = await merchantOrdersApi.list({ status, sessionId, after, limit: 20 }, signal);
      setOrders((prev) => (after ? [...prev, ...page.items] : page.items));
      setNext(page.next);
      setError(null);
    } catch (e) {
      if (!(e instanceof DOMException)) setError(isApiError(e) ? e.detail : '加载失败');
    }
  }, [status, sessionId]);

  useEffect(() => {
    const ctrl = new AbortController();
    void load(null, ctrl.signal);
    return () => ctrl.abort();
  }, [load]);

  // the merchant's newest 100 sessions (the most one page gives) to filter by: merchants know them by title
  useEffect(() => {
    const ctrl = new AbortController();
    merchantLiveApi.list(null, ctrl.signal, 100).then((page) => setSessions(page.items), () => setSessions([]));
    return () => ctrl.abort();
  }, []);

  const replace = (o: Order) => setOrders((list) => list.map((x) => (x.id === o.id ? o : x)));
  const [dialog, setDialog] = useState<{ order: Order; action: OrderAction } | null>(null);

  return (
    <section className="container page merchant-orders" data-testid="merchant-orders">
      <div className="page-head">
        <h1>订单管理</h1>
        <button type="button" className="btn btn-ghost btn-sm"
          onClick={() => downloadCsv('/api/merchant/orders/export.csv', '商家订单.csv', { status, sessionId })
            .catch(() => setError('导出失败'))}>
          导出 CSV
        </button>
      </div>
      <SuspendedBanner />
      <div className="filters">
        <select aria-label="状态" value={status} onChange={(e) => setStatus(e.target.value as OrderStatus | '')}>
          {STATUSES.map((s) => <option key={s} value={s}>{s ? ORDER_STATUS_LABEL[s] : '全部状态'}</option>)}
        </select>
        <select aria-label="直播场次" value={session} onChange={(e) => setSession(e.target.value)}>
          <option value="">全部直播场次</option>
          {sessions.map((s) => (
            <option key={s.id} value={String(s.id)}>{s.title} · {formatDateTime(s.startsAt)}</option>
          ))}
        </select>
      </div>
      <FormAlert message={error} />
      <ul className="order-list">
        {orders.map((o) => (
          <li key={o.id} className="order-row" data-testid="merchant-order-row">
            <div className="order-row-top">
              <span className="order-product">#{o.id} {o.productName} ×{o.quantity}</span>
              <span className={`status status-${o.status.toLowerCase()}`}>{ORDER_STATUS_LABEL[o.status]}</span>
            </div>
            <div className="muted small">
              {formatDateTime(o.createdAt)} · {o.recipientName} {o.recipientPhone} · {o.address}
              {o.sessionId ? ` · 直播 #${o.sessionId}` : ''}{o.dealId ? ' · 秒杀' : ''}
            </div>
            <div className="order-row-bottom">
              <strong>{formatFen(o.totalFen)}</strong>
              <span className="row-actions">
                {o.status === 'CREATED' && (
                  <>
                    <button type="button" className="btn btn-primary btn-sm" onClick={() => setDialog({ order: o, action: 'confirm-payment' })} data-testid="confirm-payment">
                      确认收款
                    </button>
                    <button type="button" className="btn btn-ghost btn-sm" onClick={() => setDialog({ order: o, action: 'cancel' })} data-testid="cancel-order">
                      取消
                    </button>
                  </>
                )}
                {o.status === 'PAID' && (
                  <button type="button" className="btn btn-primary btn-sm" onClick={() => setDialog({ order: o, action: 'ship' })} data-testid="ship-order">
                    发货
                  </button>
                )}
                {o.status === 'SHIPPED' && <span className="muted small">{o.carrier} {o.trackingNo}</span>}
              </span>
            </div>
          </li>
        ))}
      </ul>
      {orders.length === 0 && <p className="muted">暂无订单</p>}
      {dialog && (
        <OrderActionDialog
          order={dialog.order}
          action={dialog.action}
          onClose={() => setDialog(null)}
          onDone={(o) => {
            replace(o);
            setError(null);
            setDialog(null);
          }}
        />
      )}
      {next && <button type="button" className="btn btn-ghost btn-block" onClick={() => void load(next)}>加载更多</button>}
    </section>
  );
}
