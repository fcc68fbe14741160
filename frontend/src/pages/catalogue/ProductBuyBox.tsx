import { useState } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { ordersApi } from '../../api/orders';
import { useAuth } from '../../auth/AuthProvider';
import { formatFen } from '../../lib/format';
import { BuyForm, useGoToOrder } from '../orders/BuyForm';

export interface BuyableProduct {
  id: number;
  priceFen: number;
  stock: number;
  status: 'DRAFT' | 'ON_SALE' | 'OFF_SHELF' | string;
}

/** The product page's buy box: price, stock, and an order at the regular price (optionally credited to a live session). */
export function ProductBuyBox({ product, sessionId }: { product: BuyableProduct; sessionId?: number }) {
  const [open, setOpen] = useState(false);
  const { user } = useAuth();
  const location = useLocation();
  const goToOrder = useGoToOrder();
  const onSale = product.status === 'ON_SALE';

  return (
    <section className="buy-box" data-testid="product-buy-box">
      <div className="buy-box-price">
        <strong>{formatFen(product.priceFen)}</strong>
        <span className="muted small">{onSale ? (product.stock > 0 ? `库存 ${product.stock} 件` : '暂时缺货') : '未上架'}</span>
      </div>
      {onSale && product.stock > 0 && !open && (
        user ? (
          <button type="button" className="btn btn-primary btn-block" onClick={() => setOpen(true)} data-testid="buy-open">
            立即购买
          </button>
        ) : (
          <Link className="btn btn-primary btn-block" to={`/login?next=${encodeURIComponent(location.pathname)}`}>
            登录后购买
          </Link>
        )
      )}
      {open && (
        <BuyForm
          unitPriceFen={product.priceFen}
          maxQuantity={Math.min(99, product.stock)}
          submit={(quantity, recipient, key) =>
            ordersApi.place({ productId: product.id, sessionId, quantity, recipient }, key)}
          onPlaced={goToOrder}
        />
      )}
    </section>
  );
}
