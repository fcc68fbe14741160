// Fair listings and the quarterly 供需目录 (docs/api.md "Fairs — listings and directory"): my enterprise's supply/demand
// listings, a fair's listings with search and filters, the industry categories, and published directories.
import { request } from './client';
import type { Page } from './types';

export type ListingSide = 'SUPPLY' | 'DEMAND';

export interface ListingAttachment {
  fileId: number;
  name: string;
  contentType: string;
  sizeBytes: number;
}

export interface Listing {
  id: number;
  enterpriseId: number;
  enterpriseName: string;
  side: ListingSide;
  title: string;
  description: string;
  category: string;
  categoryName: string;
  keywords: string[];
  region: string;
  quantity: string | null;
  amountMinFen: number | null;
  amountMaxFen: number | null;
  validUntil: string;
  status: 'ACTIVE' | 'WITHDRAWN';
  /** ACTIVE and still valid */
  active: boolean;
  createdAt: string;
  updatedAt: string;
  attachments: ListingAttachment[];
}

/** POST/PUT /api/me/listings body; amounts in fen. */
export interface ListingInput {
  side: ListingSide;
  title: string;
  description: string;
  category: string;
  keywords: string[];
  region: string;
  quantity: string | null;
  amountMinFen: number | null;
  amountMaxFen: number | null;
  validUntil: string;
  fileIds: number[];
}

export interface IndustryNode {
  code: string;
  name: string;
  /** a division or group (a section cannot be chosen) */
  usable: boolean;
  children: IndustryNode[];
}

/** The filters of a fair's listings; amounts in fen. */
export interface ListingFilters {
  q?: string;
  side?: ListingSide | '';
  category?: string;
  region?: string;
  amountMin?: number | null;
  amountMax?: number | null;
}

export interface FairDirectory {
  id: number;
  fairId: number | null;
  title: string;
  periodLabel: string;
  /** first day of the period, yyyy-mm-dd */
  periodStart: string;
  /** the day after its last day */
  periodEnd: string;
  entryCount: number;
  publishedAt: string;
}

export interface DirectoryEntry {
  position: number;
  listingId: number;
  enterpriseName: string;
  side: ListingSide;
  title: string;
  description: string;
  category: string;
  categoryName: string;
  keywords: string[];
  region: string;
  quantity: string | null;
  amountMinFen: number | null;
  amountMaxFen: number | null;
  validUntil: string;
}

export const listingApi = {
  industries: (signal?: AbortSignal) => request<IndustryNode[]>('/api/fair-industries', { signal }),
  mine: (after: string | null, limit = 20, signal?: AbortSignal) =>
    request<Page<Listing>>('/api/me/listings', { query: { after, limit }, signal }),
  create: (input: ListingInput) => request<Listing>('/api/me/listings', { method: 'POST', body: input }),
  update: (id: number, input: ListingInput) =>
    request<Listing>(`/api/me/listings/${id}`, { method: 'PUT', body: input }),
  withdraw: (id: number) => request<Listing>(`/api/me/listings/${id}/withdraw`, { method: 'POST' }),
  ofFair: (fairId: number, f: ListingFilters, after: string | null, limit = 20, signal?: AbortSignal) =>
    request<Page<Listing>>(`/api/fairs/${fairId}/listings`, {
      query: { q: f.q, side: f.side, category: f.category, region: f.region, amountMin: f.amountMin,
        amountMax: f.amountMax, after, limit },
      signal,
    }),
  fairFilePath: (fairId: number, listingId: number, fileId: number) =>
    `/api/fairs/${fairId}/listings/${listingId}/files/${fileId}`,
  ownFilePath: (listingId: number, fileId: number) => `/api/me/listings/${listingId}/files/${fileId}`,
};

export const directoryApi = {
  publish: (input: { fairId: number | null; year: number; quarter: number }) =>
    request<FairDirectory>('/api/organiser/fair-directories', { method: 'POST', body: input }),
  list: (fairId: number | null, signal?: AbortSignal) =>
    request<FairDirectory[]>('/api/organiser/fair-directories', { query: { fairId }, signal }),
  get: (id: number, signal?: AbortSignal) => request<FairDirectory>(`/api/fair-directories/${id}`, { signal }),
  entries: (id: number, after: string | null, limit = 500, signal?: AbortSignal) =>
    request<Page<DirectoryEntry>>(`/api/fair-directories/${id}/entries`, { query: { after, limit }, signal }),
  csvPath: (id: number) => `/api/fair-directories/${id}/directory.csv`,
  pdfPath: (id: number) => `/api/fair-directories/${id}/directory.pdf`,
};
