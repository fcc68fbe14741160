import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { catalogueApi } from '../../api/catalogue';
import type { ProductCard } from '../../api/catalogue';
import { isApiError } from '../../api/errors';
import { FormAlert } from '../../components/Field';
import { usePageTitle } from '../../lib/usePageTitle';
import { FilterChips } from './FilterChips';
import { filtersFromSearch, filtersToQuery, filtersToSearch, isFiltered, priceRangeProblem } from './filters';
import type { Filters } from './filters';
import { CATEGORIES, CATEGORY_LABELS, CHANNELS, CHANNEL_LABELS, REGIONS } from './labels';
import { ProductCardView } from './ProductCardView';
import { SortBar } from './SortBar';

const PAGE_SIZE = 20;
const categoryOptions = CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] }));
const channelOptions = CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABELS[c] }));
const regionOptions = REGIONS.map((r) => ({ value: r as string, label: r as string }));

/**
 * 展厅: on-sale products with filters and the order in the URL, search (Chinese, pinyin or initials), and 加载更多
 * through the keyset cursor (the server's cursor belongs to the order, so a new order starts from the first page).
 */
export function CataloguePage() {
  usePageTitle('展厅商品');
  const location = useLocation();
  const navigate = useNavigate();
  const filters = useMemo(() => filtersFromSearch(location.search), [location.search]);
  const [draft, setDraft] = useState({ q: filters.q, minYuan: filters.minYuan, maxYuan: filters.maxYuan });
  const [priceError, setPriceError] = useState<string | null>(null);
  const [items, setItems] = useState<ProductCard[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const generation = useRef(0);

  useEffect(() => setDraft({ q: filters.q, minYuan: filters.minYuan, maxYuan: filters.maxYuan }), [filters]);

  const apply = (patch: Partial<Filters>) => {
    navigate({ pathname: location.pathname, search: filtersToSearch({ ...filters, ...patch }) });
  };

  const load = useCallback(async (f: Filters, after: string | null) => {
    const gen = ++generation.current;
    setLoading(true);
    setError(null);
    try {
      const page = await catalogueApi.list({ ...filtersToQuery(f), after, limit: PAGE_SIZE });
      if (gen !== generation.current) return;
      setItems((prev) => (after ? [...prev, ...page.items] : page.items));
      setNext(page.next);
    } catch (e) {
      if (gen === generation.current) setError(isApiError(e) ? e.detail : '加载失败，请稍后再试');
    } finally {
      if (gen === generation.current) setLoading(false);
    }
  }, []);

  useEffect(() => {
    void load(filters, null);
  }, [filters, load]);

  const onSearch = (ev: FormEvent) => {
    ev.preventDefault();
    const wanted = { ...filters, ...draft };
    const problem = priceRangeProblem(wanted);
    setPriceError(problem);
    if (!problem) apply(draft);
  };

  const filtered = isFiltered(filters);
  return (
    <section className="container page catalogue-page" data-testid="catalogue-page">
      <h1>展厅商品</h1>
      <form className="catalogue-search" role="search" onSubmit={onSearch}>
        <div className="search-bar">
          <label htmlFor="product-search" className="sr-only">搜索商品</label>
          <input id="product-search" type="search" placeholder="搜索商品，如 西凤酒、茶、xfj" value={draft.q}
            maxLength={50} onChange={(e) => setDraft((d) => ({ ...d, q: e.target.value }))} />
          <button type="submit" className="btn btn-primary">搜索</button>
        </div>
        <div className="price-range" role="group" aria-label="价格区间（元）">
          <span className="filter-label">价格</span>
          <input type="text" aria-label="最低价（元）" inputMode="decimal" placeholder="最低 ¥" value={draft.minYuan}
            onChange={(e) => setDraft((d) => ({ ...d, minYuan: e.target.value }))} />
          <span aria-hidden="true">—</span>
          <input type="text" aria-label="最高价（元）" inputMode="decimal" placeholder="最高 ¥" value={draft.maxYuan}
            onChange={(e) => setDraft((d) => ({ ...d, maxYuan: e.target.value }))} />
          <button type="submit" className="btn btn-ghost btn-sm">确定</button>
        </div>
        <p className="field-error field-message" role="alert" data-testid="price-error">{priceError ?? ''}</p>
      </form>
      <FilterChips label="品类" testId="filter-category" options={categoryOptions} value={filters.category}
        onChange={(category) => apply({ category })} />
      <FilterChips label="产地" testId="filter-region" options={regionOptions} value={filters.region}
        onChange={(region) => apply({ region })} />
      <FilterChips label="渠道" testId="filter-channel" options={channelOptions} value={filters.channel}
        onChange={(channel) => apply({ channel })} />
      <SortBar value={filters.sort ?? 'newest'} onChange={(sort) => apply({ sort: sort === 'newest' ? undefined : sort })} />
      {filters.merchantId && (
        <p className="merchant-filter">
          <span className="chip">仅看此商家</span>
          <button type="button" className="btn btn-ghost btn-sm" onClick={() => apply({ merchantId: null })}>
            查看全部商家
          </button>
        </p>
      )}
      <FormAlert message={error} />
      {items.length === 0 && !loading && !error && (
        <p className="muted empty-note">{filtered ? '没有符合条件的商品，换个条件试试。' : '展厅还没有在售商品。'}</p>
      )}
      <ul className="product-grid">
        {items.map((p) => (
          <ProductCardView key={p.id} product={p} />
        ))}
      </ul>
      <div className="list-footer">
        {loading && <span className="muted">加载中…</span>}
        {!loading && next && (
          <button type="button" className="btn btn-ghost" onClick={() => load(filters, next)} data-testid="load-more">
            加载更多
          </button>
        )}
        {!loading && !next && items.length > 0 && <span className="muted small">已经到底了</span>}
      </div>
    </section>
  );
}
