import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { catalogueApi } from '../../api/catalogue';
import type { Product } from '../../api/catalogue';
import { isApiError } from '../../api/errors';
import { ShareButton } from '../../components/share/ShareButton';
import { usePageTitle } from '../../lib/usePageTitle';
import { ImageGallery } from './ImageGallery';
import { CATEGORY_LABELS, CHANNEL_LABELS } from './labels';
import { formatPrice } from './price';
import { ProductBuyBox } from './ProductBuyBox';

/** A product page: gallery, price, stock, channels, description, merchant, and the buy box. */
export function ProductPage() {
  const { id } = useParams();
  const [product, setProduct] = useState<Product | null>(null);
  const [error, setError] = useState<{ status: number; detail: string } | null>(null);
  usePageTitle(product?.name ?? '商品详情');

  useEffect(() => {
    const ctrl = new AbortController();
    setProduct(null);
    setError(null);
    catalogueApi
      .product(id ?? '', ctrl.signal)
      .then(setProduct)
      .catch((e) => {
        if (ctrl.signal.aborted) return;
        setError(isApiError(e) ? { status: e.status, detail: e.detail } : { status: 0, detail: '加载失败' });
      });
    return () => ctrl.abort();
  }, [id]);

  if (error) {
    return (
      <section className="container page narrow" data-testid="product-error">
        <h1>{error.status === 404 ? '商品不存在或未上架' : '加载失败'}</h1>
        <p className="lead">{error.status === 404 ? '该商品可能已被删除，或尚未上架。' : error.detail}</p>
        <Link className="btn btn-ghost" to="/products">返回展厅</Link>
      </section>
    );
  }
  if (!product) {
    return <section className="container page"><p className="muted">加载中…</p></section>;
  }
  return (
    <section className="container page product-page" data-testid="product-page">
      <p className="breadcrumb small"><Link to="/products">展厅商品</Link> / {CATEGORY_LABELS[product.category]}</p>
      <div className="product-layout">
        <ImageGallery images={product.images} name={product.name} category={product.category} />
        <div className="product-info">
          {product.status === 'OFF_SHELF' && <p className="status-banner" role="status">该商品已下架</p>}
          <h1>{product.name}</h1>
          <p className="product-price" data-testid="product-price">{formatPrice(product.priceFen)}</p>
          <ShareButton
            kind="商品"
            path={`/products/${product.id}`}
            title={product.name}
            lines={[formatPrice(product.priceFen), `${product.merchantName} · 陕西省 · ${product.region}`]}
            imageUrl={product.images[0]?.url ?? null}
            testId="product-share"
          />
          <dl className="product-facts">
            <dt>库存</dt>
            <dd data-testid="product-stock">{product.stock > 0 ? `${product.stock} 件` : '已售罄'}</dd>
            <dt>品类</dt>
            <dd>{CATEGORY_LABELS[product.category]}</dd>
            <dt>产地</dt>
            <dd>陕西省 · {product.region}</dd>
            <dt>商家</dt>
            <dd>
              <Link to={`/products?merchant=${product.merchantId}`} data-testid="product-merchant">{product.merchantName}</Link>
            </dd>
          </dl>
          {product.channels.length > 0 && (
            <ul className="chip-list" aria-label="销售渠道">
              {product.channels.map((c) => <li key={c} className="chip">{CHANNEL_LABELS[c]}</li>)}
            </ul>
          )}
          <ProductBuyBox product={product} />
        </div>
      </div>
      {product.description && (
        <div className="card product-description">
          <h2 className="section-title">商品介绍</h2>
          <p>{product.description}</p>
        </div>
      )}
    </section>
  );
}
