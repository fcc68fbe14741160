import { Link } from 'react-router-dom';
import type { ProductCard } from '../../api/catalogue';
import { CATEGORY_LABELS } from './labels';
import { formatPrice } from './price';
import { ProductMonogram } from './ProductMonogram';

/** A product in the hall's grid: cover, name, price, merchant, category. */
export function ProductCardView({ product }: { product: ProductCard }) {
  return (
    <li className="product-card" data-testid={`product-card-${product.id}`}>
      <Link to={`/products/${product.id}`} className="product-card-link">
        <div className="product-cover">
          {product.coverUrl ? (
            <img src={product.coverUrl} alt={product.name} loading="lazy" />
          ) : (
            <ProductMonogram name={product.name} category={product.category} />
          )}
          {product.soldOut && <span className="sold-out-badge">已售罄</span>}
        </div>
        <div className="product-card-body">
          <h3 className="product-card-name">{product.name}</h3>
          <p className="product-card-price">{formatPrice(product.priceFen)}</p>
          <p className="product-card-meta">
            <span className="chip chip-sm">{CATEGORY_LABELS[product.category]}</span>
            <span className="muted small">{product.region}</span>
          </p>
          <p className="product-card-merchant muted small">{product.merchantName}</p>
        </div>
      </Link>
    </li>
  );
}
