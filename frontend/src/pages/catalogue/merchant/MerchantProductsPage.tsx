import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { AGREEMENTS_NOT_ACCEPTED, merchantProductsApi } from '../../../api/catalogue';
import type { Product, ProductStatus } from '../../../api/catalogue';
import { isApiError } from '../../../api/errors';
import { ConfirmDialog } from '../../../components/Dialog';
import { FormAlert } from '../../../components/Field';
import { usePageTitle } from '../../../lib/usePageTitle';
import { STATUS_LABELS } from '../labels';
import { formatPrice } from '../price';
import { SuspendedBanner } from '../../merchant/SuspendedBanner';

const TABS: Array<{ value: ProductStatus | null; label: string }> = [
  { value: null, label: '全部' },
  { value: 'DRAFT', label: '草稿' },
  { value: 'ON_SALE', label: '在售' },
  { value: 'OFF_SHELF', label: '已下架' },
];

/** The merchant's own products: status tabs, publish / off shelf / delete, and links to the editor. */
export function MerchantProductsPage() {
  usePageTitle('商品管理');
  const location = useLocation();
  const saved = (location.state as { saved?: string } | null)?.saved;
  const [status, setStatus] = useState<ProductStatus | null>(null);
  const [items, setItems] = useState<Product[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [needsAgreements, setNeedsAgreements] = useState(false);
  const [rowError, setRowError] = useState<Record<number, string>>({});
  const generation = useRef(0);

  const load = useCallback(async (s: ProductStatus | null, after: string | null) => {
    const gen = ++generation.current;
    setLoading(true);
    setError(null);
    try {
      const page = await merchantProductsApi.list({ status: s ?? undefined, after, limit: 20 });
      if (gen !== generation.current) return;
      setItems((prev) => (after ? [...prev, ...page.items] : page.items));
      setNext(page.next);
    } catch (e) {
      if (gen === generation.current) setError(isApiError(e) ? e.detail : '加载失败');
    } finally {
      if (gen === generation.current) setLoading(false);
    }
  }, []);

  useEffect(() => {
    void load(status, null);
  }, [status, load]);

  const [removing, setRemoving] = useState<Product | null>(null);

  const act = async (p: Product, action: 'publish' | 'takeOffShelf' | 'remove') => {
    setRowError(({ [p.id]: _, ...rest }) => rest);
    try {
      if (action === 'remove') {
        await merchantProductsApi.remove(p.id);
        setItems((list) => list.filter((x) => x.id !== p.id));
        return;
      }
      const updated = await merchantProductsApi[action](p.id);
      setItems((list) => list.map((x) => (x.id === p.id ? updated : x)));
    } catch (e) {
      if (isApiError(e) && e.type === AGREEMENTS_NOT_ACCEPTED) setNeedsAgreements(true);
      setRowError((r) => ({ ...r, [p.id]: isApiError(e) ? e.fieldError('imageIds') ?? e.detail : '操作失败' }));
    }
  };

  return (
    <section className="container page" data-testid="merchant-products">
      <div className="page-head">
        <h1>商品管理</h1>
        <Link className="btn btn-primary" to="/merchant/products/new" data-testid="new-product">新建商品</Link>
      </div>
      <SuspendedBanner />
      {saved && <p className="form-ok" role="status">已保存“{saved}”</p>}
      {needsAgreements && (
        <div className="form-alert" role="alert" data-testid="agreements-needed">
          请先签署协议：确认最新版本的进场协议和质量服务承诺后才能上架商品。
          <Link to="/merchant"> 前往商家中心</Link>
        </div>
      )}
      <div className="tabs" role="tablist" aria-label="按状态筛选">
        {TABS.map((t) => (
          <button key={t.label} type="button" role="tab" aria-selected={status === t.value}
            className={`tab${status === t.value ? ' active' : ''}`} onClick={() => setStatus(t.value)}>
            {t.label}
          </button>
        ))}
      </div>
      <FormAlert message={error} />
      {items.length === 0 && !loading && !error && <p className="muted empty-note">还没有商品，先新建一个吧。</p>}
      <ul className="merchant-product-list">
        {items.map((p) => (
          <li key={p.id} className="merchant-product card" data-testid={`merchant-product-${p.id}`}>
            <div className="merchant-product-cover">
              {p.images[0] ? <img src={p.images[0].url} alt="" /> : <span className="product-cover-empty">无图</span>}
            </div>
            <div className="merchant-product-main">
              <p className="merchant-product-name">
                <span className={`status-chip status-${p.status.toLowerCase()}`}>{STATUS_LABELS[p.status]}</span>
                {p.name}
              </p>
              <p className="muted small">{formatPrice(p.priceFen)} · 库存 {p.stock} · {p.region}</p>
              <div className="merchant-product-actions">
                <Link className="btn btn-ghost btn-sm" to={`/merchant/products/${p.id}/edit`}>编辑</Link>
                {p.status !== 'ON_SALE' && (
                  <button type="button" className="btn btn-primary btn-sm" onClick={() => act(p, 'publish')}>上架</button>
                )}
                {p.status === 'ON_SALE' && (
                  <>
                    <button type="button" className="btn btn-ghost btn-sm" onClick={() => act(p, 'takeOffShelf')}>下架</button>
                    <Link className="btn btn-ghost btn-sm" to={`/products/${p.id}`}>查看</Link>
                  </>
                )}
                {p.status === 'DRAFT' && (
                  <button type="button" className="btn btn-ghost btn-sm" onClick={() => setRemoving(p)}>删除</button>
                )}
              </div>
              {rowError[p.id] && <p className="field-error" role="alert">{rowError[p.id]}</p>}
            </div>
          </li>
        ))}
      </ul>
      <div className="list-footer">
        {loading && <span className="muted">加载中…</span>}
        {!loading && next && (
          <button type="button" className="btn btn-ghost" onClick={() => load(status, next)} data-testid="load-more">
            加载更多
          </button>
        )}
      </div>
      {removing && (
        <ConfirmDialog
          title="删除草稿"
          message={`删除草稿“${removing.name}”？删除后不能恢复。`}
          confirmLabel="删除"
          danger
          onCancel={() => setRemoving(null)}
          onConfirm={() => {
            const p = removing;
            setRemoving(null);
            void act(p, 'remove');
          }}
        />
      )}
    </section>
  );
}
