import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ORDER_STATUS_LABEL, ordersApi } from '../../api/orders';
import type { Order, PaymentInstructions } from '../../api/orders';
import { isApiError } from '../../api/errors';
import { FormAlert } from '../../components/Field';
import { formatDateTime, formatFen } from '../../lib/format';
import { formatCountdown, useNow } from '../../lib/useNow';
import { usePageTitle } from '../../lib/usePageTitle';

/** /orders/:id — an order, how to pay it (offline payment instructions), cancel or confirm receipt. */
export function OrderDetailPage() {
  const { id = '' } = useParams();
  usePageTitle(`订单 #${id}`);
  const [order, setOrder] = useState<Order | null>(null);
  const [payment, setPayment] = useState<PaymentInstructions | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const now = useNow(1000);

  useEffect(() => {
    const ctrl = new AbortController();
    ordersApi.get(Number(id), ctrl.signal).then(setOrder, (e) => {
      if (!(e instanceof DOMException)) setError(isApiError(e) ? e.detail : '加载失败');
    });
    return () => ctrl.abort();
  }, [id]);

  useEffect(() => {
    if (order?.status !== 'CREATED') return;
    const ctrl = new AbortController();
    ordersApi.payment(order.id, ctrl.signal).then(setPayment, () => undefined);
    return () => ctrl.abort();
  }, [order?.id, order?.status]);

  const act = async (action: () => Promise<Order>) => {
    setBusy(true);
    try {
      setOrder(await action());
      setError(null);
    } catch (e) {
      setError(isApiError(e) ? e.detail : '操作失败');
    } finally {
      setBusy(false);
    }
  };

  if (!order) {
    return (
      <section className="container page narrow">
        <FormAlert message={error} />
        {!error && <p className="muted">加载中…</p>}
      </section>
    );
  }
  const payLeft = Date.parse(order.payBy) - now;
  return (
    <section className="container page narrow order-detail" data-testid="order-detail">
      <Link to="/orders" className="small">← 我的订单</Link>
      <h1>订单 #{order.id}</h1>
      <p>
        <span className={`status status-${order.status.toLowerCase()}`} data-testid="order-status">
          {ORDER_STATUS_LABEL[order.status]}
        </span>
      </p>
      <FormAlert message={error} />
      <dl className="order-facts">
        <dt>商品</dt><dd>{order.productName}{order.dealId ? '（秒杀价）' : ''}{order.quoteId ? '（集采报价）' : ''}</dd>
        <dt>数量</dt><dd>{order.quantity}</dd>
        <dt>单价</dt><dd>{formatFen(order.unitPriceFen)}</dd>
        <dt>金额</dt><dd><strong>{formatFen(order.totalFen)}</strong></dd>
        <dt>收货</dt><dd>{order.recipientName} {order.recipientPhone}<br />{order.address}</dd>
        <dt>下单时间</dt><dd>{formatDateTime(order.createdAt)}</dd>
        {order.paidAt && (<><dt>付款</dt><dd>{formatDateTime(order.paidAt)}（凭证 {order.paymentReference}）</dd></>)}
        {order.shippedAt && (<><dt>物流</dt><dd>{order.carrier} {order.trackingNo}</dd></>)}
        {order.cancelledAt && (<><dt>取消</dt><dd>{formatDateTime(order.cancelledAt)} {order.cancelReason}</dd></>)}
      </dl>
      {order.status === 'CREATED' && (
        <div className="pay-box" data-testid="pay-box">
          <h2>{payment?.title ?? '付款'}</h2>
          <p>{payment?.text ?? '加载付款方式…'}</p>
          <p className="muted small">
            请在 {formatDateTime(order.payBy)} 前付款（剩余 {formatCountdown(payLeft)}），超时订单将自动取消。
          </p>
          <button type="button" className="btn btn-ghost btn-block" disabled={busy}
            onClick={() => void act(() => ordersApi.cancel(order.id))} data-testid="order-cancel">
            取消订单
          </button>
        </div>
      )}
      {order.status === 'SHIPPED' && (
        <button type="button" className="btn btn-primary btn-block" disabled={busy}
          onClick={() => void act(() => ordersApi.confirmReceipt(order.id))} data-testid="order-confirm-receipt">
          确认收货
        </button>
      )}
    </section>
  );
}
