import { PRODUCT_SORTS } from '../../api/catalogue';
import type { ProductCategory, ProductListQuery, ProductSort, SalesChannel } from '../../api/catalogue';
import { CATEGORIES, CHANNELS, REGIONS } from './labels';
import { fenToYuanInput, yuanToFen } from './price';

/** The hall's filters as the page keeps them (prices as typed, in yuan). */
export interface Filters {
  category: ProductCategory | null;
  region: string | null;
  channel: SalesChannel | null;
  /** Only this merchant's products (from a product page's merchant link). */
  merchantId: number | null;
  minYuan: string;
  maxYuan: string;
  q: string;
  /** The list's order; absent means newest first. */
  sort?: ProductSort;
}

export const emptyFilters = (): Filters => ({
  category: null,
  region: null,
  channel: null,
  merchantId: null,
  minYuan: '',
  maxYuan: '',
  q: '',
});

/** The API query of the first page: only set filters; prices in fen; unusable prices left out. */
export function filtersToQuery(f: Filters): ProductListQuery {
  const query: ProductListQuery = {};
  if (f.category) query.category = f.category;
  if (f.region) query.region = f.region;
  if (f.channel) query.channel = f.channel;
  if (f.merchantId) query.merchantId = f.merchantId;
  const min = f.minYuan ? yuanToFen(f.minYuan) : null;
  const max = f.maxYuan ? yuanToFen(f.maxYuan) : null;
  if (min !== null) query.minPrice = min;
  if (max !== null && (min === null || max >= min)) query.maxPrice = max;
  const q = f.q.trim();
  if (q) query.q = q;
  if (f.sort && f.sort !== 'newest') query.sort = f.sort;
  return query;
}

/** A problem with the price range, or null. */
export function priceRangeProblem(f: Filters): string | null {
  const min = f.minYuan ? yuanToFen(f.minYuan) : null;
  const max = f.maxYuan ? yuanToFen(f.maxYuan) : null;
  if ((f.minYuan && min === null) || (f.maxYuan && max === null)) return '价格请填写数字，最多两位小数';
  if (min !== null && max !== null && max < min) return '最高价不能低于最低价';
  return null;
}

/** Filters → the page's own URL search (?category=&region=&channel=&merchant=&min=&max=&q=&sort=), so a view can be shared. */
export function filtersToSearch(f: Filters): string {
  const params = new URLSearchParams();
  const query = filtersToQuery(f);
  if (query.category) params.set('category', query.category);
  if (query.region) params.set('region', query.region);
  if (query.channel) params.set('channel', query.channel);
  if (query.merchantId) params.set('merchant', String(query.merchantId));
  if (query.minPrice !== undefined) params.set('min', fenToYuanInput(query.minPrice));
  if (query.maxPrice !== undefined) params.set('max', fenToYuanInput(query.maxPrice));
  if (query.q) params.set('q', query.q);
  if (query.sort) params.set('sort', query.sort);
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** The page URL's search → filters; unknown values are ignored. */
export function filtersFromSearch(search: string): Filters {
  const p = new URLSearchParams(search);
  const pick = <T extends string>(value: string | null, allowed: readonly T[]): T | null =>
    value && (allowed as readonly string[]).includes(value) ? (value as T) : null;
  const price = (v: string | null) => (v && yuanToFen(v) !== null ? v : '');
  const merchant = Number(p.get('merchant'));
  return {
    category: pick(p.get('category'), CATEGORIES),
    region: pick(p.get('region'), REGIONS),
    channel: pick(p.get('channel'), CHANNELS),
    merchantId: Number.isSafeInteger(merchant) && merchant > 0 ? merchant : null,
    minYuan: price(p.get('min')),
    maxYuan: price(p.get('max')),
    q: p.get('q') ?? '',
    sort: pick(p.get('sort'), PRODUCT_SORTS.filter((s) => s !== 'newest')) ?? undefined,
  };
}

/** Whether any filter narrows the list (the order does not). */
export function isFiltered(f: Filters): boolean {
  return filtersToSearch({ ...f, sort: undefined }) !== '';
}
