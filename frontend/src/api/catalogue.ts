// Catalogue API (docs/api.md "Showcase — catalogue"): the public hall and a merchant's products.
import { request } from './client';
import { uploadFile } from './files';
export type { StoredFile } from './files';
import type { Page } from './types';

export type ProductCategory = 'FAMOUS_QUALITY' | 'CULTURAL_CREATIVE' | 'INTANGIBLE_HERITAGE' | 'TOURISM_SOUVENIR';
export type SalesChannel =
  | 'OFFLINE_EXHIBITION'
  | 'COMMUNITY_GROUP_BUY'
  | 'SOCIAL_DISTRIBUTION'
  | 'LIVE_ECOMMERCE'
  | 'CHANNEL_EXPORT';
export type ProductStatus = 'DRAFT' | 'ON_SALE' | 'OFF_SHELF';

export interface ProductImage {
  fileId: number;
  url: string;
}

/** GET /api/products/{id} and the merchant's product endpoints. */
export interface Product {
  id: number;
  merchantId: number;
  merchantName: string;
  name: string;
  category: ProductCategory;
  region: string;
  description: string;
  priceFen: number;
  stock: number;
  channels: SalesChannel[];
  status: ProductStatus;
  images: ProductImage[];
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** An item of GET /api/products. */
export interface ProductCard {
  id: number;
  name: string;
  category: ProductCategory;
  region: string;
  priceFen: number;
  soldOut: boolean;
  channels: SalesChannel[];
  merchantId: number;
  merchantName: string;
  coverUrl: string | null;
}

/** Orders of GET /api/products (`newest` is the default): price ascending/descending, units sold (paid orders). */
export type ProductSort = 'newest' | 'price_asc' | 'price_desc' | 'sales';
export const PRODUCT_SORTS: readonly ProductSort[] = ['newest', 'price_asc', 'price_desc', 'sales'];

/** Query of GET /api/products (prices in fen; `q` matches Chinese text, pinyin or initials). */
export interface ProductListQuery {
  category?: ProductCategory;
  region?: string;
  channel?: SalesChannel;
  merchantId?: number;
  minPrice?: number;
  maxPrice?: number;
  q?: string;
  sort?: ProductSort;
  after?: string | null;
  limit?: number;
}

/** Body of POST/PUT /api/merchant/products[/{id}]; `version` is required on PUT. */
export interface ProductRequest {
  name: string;
  category: ProductCategory;
  region: string;
  description: string;
  priceFen: number;
  stock: number;
  channels: SalesChannel[];
  imageIds: number[];
  version?: number;
}

const productPath = (id: number) => `/api/merchant/products/${encodeURIComponent(String(id))}`;

export const catalogueApi = {
  /** GET /api/products → Page<ProductCard> (ETag-revalidated by the browser cache) */
  list: (query: ProductListQuery, signal?: AbortSignal) =>
    request<Page<ProductCard>>('/api/products', {
      query: query as Record<string, string | number | null | undefined>,
      auth: false,
      signal,
    }),
  /** GET /api/products/{id} → Product */
  product: (id: number | string, signal?: AbortSignal) =>
    request<Product>(`/api/products/${encodeURIComponent(String(id))}`, { auth: false, signal }),
};

export const merchantProductsApi = {
  list: (query: { status?: ProductStatus; after?: string | null; limit?: number } = {}, signal?: AbortSignal) =>
    request<Page<Product>>('/api/merchant/products', { query, signal }),
  get: (id: number, signal?: AbortSignal) => request<Product>(productPath(id), { signal }),
  create: (body: ProductRequest) => request<Product>('/api/merchant/products', { method: 'POST', body }),
  update: (id: number, body: ProductRequest) => request<Product>(productPath(id), { method: 'PUT', body }),
  publish: (id: number) => request<Product>(`${productPath(id)}/publish`, { method: 'POST' }),
  takeOffShelf: (id: number) => request<Product>(`${productPath(id)}/off-shelf`, { method: 'POST' }),
  remove: (id: number) => request<void>(productPath(id), { method: 'DELETE' }),
};

/** POST /api/files with purpose IMAGE (a product picture). */
export const uploadImage = (file: File) => uploadFile(file, 'IMAGE');

/** The problem type of a 403 telling that the merchant must accept the newest agreements first. */
export const AGREEMENTS_NOT_ACCEPTED = 'https://livehall.io/problems/agreements-not-accepted';
