import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { Link, useLocation } from 'react-router-dom';
import { catalogueApi } from '../../api/catalogue';
import { fileUrl } from '../../api/files';
import { ordersApi } from '../../api/orders';
import type { DealStatus, Order, PaymentInstructions } from '../../api/orders';
import { useAuth } from '../../auth/AuthProvider';
import { formatDateTime, formatFen } from '../../lib/format';
import { ProductMonogram } from '../catalogue/ProductMonogram';
import { BuyForm } from '../orders/BuyForm';

/** A flash deal as the sheet sells it: its price, live stock and what this buyer may still take. */
export interface SheetDeal {
  id: number;
  /** The deal's status now (by the clock); only OPEN sells. */
  status: DealStatus;
  stockLeft: number;
  perBuyerLimit: number;
  /** Units this buyer may still take (the limit less what they hold); the limit when unknown. */
  left: number;
}

/** What the buyer tapped: the pinned product, a lineup tile, or the flash deal. */
export interface SheetItem {
  productId: number;
  name: string;
  priceFen: number;
  listPriceFen?: number;
  coverFileId: number | null;
  deal?: SheetDeal;
}

interface Props {
  /** The live session the order is credited to (product orders; a deal knows its session). */
  sessionId: number;
  item: SheetItem;
  onClose: () => void;
  /** After an order was placed (the sheet shows the confirmation itself). */
  onPlaced?: (order: Order) => void;
}

interface Stock {
  stock: number;
  onSale: boolean;
  picture: string | null;
}

/**
 * The room's buy sheet (小黄车): a bottom sheet over the live room, so the stream keeps playing behind it and the
 * URL stays the room's. Picture, price, stock, quantity and recipient (from the account's last order), then
 * 确认下单; after placing, the payment instructions and a link to the order inside the sheet. Guests are asked to
 * log in and come back to the room.
 */
export function BuySheet({ sessionId, item, onClose, onPlaced }: Props) {
  const { user } = useAuth();
  const location = useLocation();
  const [product, setProduct] = useState<Stock | null>(null);
  const [placed, setPlaced] = useState<Order | null>(null);
  const [payment, setPayment] = useState<PaymentInstructions | null | 'failed'>(null);
  const panel = useRef<HTMLDivElement>(null);
  const deal = item.deal;

  useEffect(() => {
    const ctl = new AbortController();
    catalogueApi.product(item.productId, ctl.signal).then(
      (p) => setProduct({ stock: p.stock, onSale: p.status === 'ON_SALE', picture: p.images?.[0]?.url ?? null }),
      () => undefined,
    );
    return () => ctl.abort();
  }, [item.productId]);

  const close = useRef(onClose);
  close.current = onClose;
  useEffect(() => {
    panel.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') close.current();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const afterPlaced = (order: Order) => {
    setPlaced(order);
    onPlaced?.(order);
    ordersApi.payment(order.id).then(setPayment, () => setPayment('failed'));
  };

  const picture = item.coverFileId ? fileUrl(item.coverFileId) : product?.picture ?? null;
  const stockText = deal
    ? `剩余 ${deal.stockLeft} 件 · 每人限购 ${deal.perBuyerLimit} 件`
    : product
      ? product.onSale ? (product.stock > 0 ? `库存 ${product.stock} 件` : '暂时缺货') : '已下架'
      : '库存查询中…';
  const dealRefusal = !deal
    ? null
    : deal.status === 'ENDED' ? '秒杀已结束'
      : deal.status === 'UPCOMING' ? '秒杀尚未开始'
        : deal.left <= 0 ? '已达限购'
          : deal.stockLeft <= 0 ? '手慢了，已抢光' : null;
  const productRefusal = !product || (product.onSale && product.stock > 0) ? null : product.onSale ? '暂时缺货' : '商品已下架';
  const refusal = deal ? dealRefusal : productRefusal;
  const max = deal ? Math.min(deal.left, deal.stockLeft) : Math.min(99, product?.stock ?? 1);
  const loginPath = `/login?next=${encodeURIComponent(location.pathname)}`;

  return createPortal(
    <div className="sheet-layer" data-testid="buy-sheet-layer">
      <div className="sheet-backdrop" onClick={onClose} aria-hidden="true" />
      <div
        className="sheet"
        role="dialog"
        aria-modal="true"
        aria-label={deal ? '秒杀下单' : '购买商品'}
        data-testid="buy-sheet"
        tabIndex={-1}
        ref={panel}
      >
        <button type="button" className="sheet-close" aria-label="关闭" data-testid="buy-sheet-close" onClick={onClose}>
          ×
        </button>
        <div className="sheet-product">
          {picture ? (
            <img className="sheet-cover" src={picture} alt="" width={88} height={88} />
          ) : (
            <span className="sheet-cover sheet-cover-empty">
              <ProductMonogram name={item.name} compact />
            </span>
          )}
          <div className="sheet-product-main">
            {deal && <span className="pinned-badge">限时秒杀</span>}
            <p className="sheet-name" data-testid="buy-sheet-name">{item.name}</p>
            <p className="sheet-price">
              <strong data-testid="buy-sheet-price">{formatFen(item.priceFen)}</strong>
              {item.listPriceFen !== undefined && item.listPriceFen > item.priceFen && (
                <s className="muted small"> {formatFen(item.listPriceFen)}</s>
              )}
            </p>
            <p className="muted small" data-testid="buy-sheet-stock">{stockText}</p>
          </div>
        </div>

        {!user ? (
          <div className="sheet-login" data-testid="buy-sheet-login">
            <p className="muted">登录后即可下单，登录完成会回到本直播间。</p>
            <Link className="btn btn-primary btn-block" to={loginPath} data-testid="buy-sheet-login-link">
              登录后购买
            </Link>
          </div>
        ) : placed ? (
          <div className="sheet-done" data-testid="buy-sheet-done" role="status">
            <p className="sheet-done-title">下单成功，待付款</p>
            <p>
              订单 #{placed.id} · {placed.productName} × {placed.quantity} · 共{' '}
              <strong>{formatFen(placed.totalFen)}</strong>
            </p>
            <div className="pay-box" data-testid="buy-sheet-payment">
              {payment === null ? (
                <p className="muted">加载付款方式…</p>
              ) : payment === 'failed' ? (
                <p>付款方式请在订单详情中查看。</p>
              ) : (
                <>
                  <h3>{payment.title}</h3>
                  <p>{payment.text}</p>
                </>
              )}
              <p className="muted small">请在 {formatDateTime(placed.payBy)} 前付款，超时订单将自动取消。</p>
            </div>
            <div className="sheet-actions">
              <Link className="btn btn-ghost" to={`/orders/${placed.id}`} data-testid="buy-sheet-order-link">
                查看订单
              </Link>
              <button type="button" className="btn btn-primary" onClick={onClose} data-testid="buy-sheet-back">
                继续看直播
              </button>
            </div>
          </div>
        ) : refusal ? (
          <p className="sheet-note" data-testid="buy-sheet-unavailable">
            {refusal}
          </p>
        ) : (
          <BuyForm
            unitPriceFen={item.priceFen}
            maxQuantity={max}
            limit={deal?.perBuyerLimit}
            submitLabel="确认下单"
            rememberFromServer
            submit={(quantity, recipient, key) =>
              ordersApi.place(deal ? { dealId: deal.id, quantity, recipient } : { productId: item.productId, sessionId, quantity, recipient }, key)}
            onPlaced={afterPlaced}
          />
        )}
      </div>
    </div>,
    document.body,
  );
}
