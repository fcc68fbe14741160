import type { Product } from '../../api/catalogue';

export interface ProductBuyBoxProps {
  product: Product;
}

/**
 * Where a buyer orders from the product page. Placeholder: the orders feature replaces this file's body
 * (quantity, Idempotency-Key, POST the order); the product page only renders <ProductBuyBox product={…} />.
 */
export function ProductBuyBox({ product }: ProductBuyBoxProps) {
  const buyable = product.status === 'ON_SALE' && product.stock > 0;
  return (
    <div className="buy-box" data-testid="buy-box">
      <button type="button" className="btn btn-primary btn-block" disabled>
        {buyable ? '立即购买（即将开放）' : product.status === 'ON_SALE' ? '已售罄' : '已下架'}
      </button>
    </div>
  );
}
