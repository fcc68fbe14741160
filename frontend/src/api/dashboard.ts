// The organisers' live dashboard and its history (docs/api.md "Dashboard"; the contract of issue 15 items 1–2).
// Types mirror the server's answers; amounts are integer fen, times ISO-8601 UTC.
import { request } from './client';
import { downloadFile } from './download';

export type ScopeKind = 'FAIR' | 'TRAINING' | 'SHOWCASE' | 'MERCHANT' | 'PLATFORM' | 'MINE';
export type RoomKind = 'LIVE' | 'TRAINING' | 'ROADSHOW';
export type HistoryBy = 'minute' | 'hour' | 'day';

/**
 * What the caller may watch: `showcase`, `merchant-{merchantId}` (organisers and admins: every merchant, picked from
 * `merchants`; a merchant's user: its own), `training-{seriesId}`, `fair-{fairId}`, `platform` (admins), `mine`.
 */
export interface DashboardScope {
  scope: string;
  kind: ScopeKind;
  title: string;
  live: boolean;
}

export interface DashboardTotals {
  viewersNow: number;
  peakViewers: number;
  uniqueViewers: number;
  ordersPerMinute: number;
  ordersToday: number;
  gmvTodayFen: number;
  dealsSoldOut: number;
  registrations: number;
  checkIns: number;
  meetingsBooked: number;
  meetingsHeld: number;
  intentions: number;
  signedDeals: number;
  signedAmountFen: number;
}

export interface DashboardRoom {
  kind: RoomKind;
  id: number;
  title: string;
  viewersNow: number;
  peakViewers: number;
  uniqueViewers: number;
  live: boolean;
}

export interface DashboardRegion {
  region: string;
  viewers: number;
  orders: number;
  gmvFenToday: number;
  /** fairs: approved participating enterprises in the city */
  enterprises: number;
}

export interface TopProduct {
  productId: number;
  name: string;
  merchant: string;
  orders: number;
  gmvFen: number;
}

export interface TopSession {
  kind: RoomKind;
  id: number;
  title: string;
  peakViewers: number;
  uniqueViewers: number;
}

/** One minute of the live series (`at`: the minute's start). */
export interface DashboardMinute {
  at: string;
  viewers: number;
  orders: number;
  gmvFen: number;
}

/** What `/topic/dashboard/{scope}/overview` sends, and `GET /api/dashboard/{scope}` answers. */
export interface DashboardSnapshot {
  scope: string;
  title: string;
  at: string;
  totals: DashboardTotals;
  rooms: DashboardRoom[];
  regions: DashboardRegion[];
  topProducts: TopProduct[];
  topSessions: TopSession[];
  /** the last 60 minutes, oldest first, the current minute last */
  minutes: DashboardMinute[];
}

export interface HistoryRow {
  at: string;
  viewersPeak: number;
  uniqueViewers: number;
  orders: number;
  gmvFen: number;
  registrations: number;
  checkIns: number;
  meetingsBooked: number;
  meetingsHeld: number;
  intentions: number;
  signedDeals: number;
  signedAmountFen: number;
}

export interface DashboardHistory {
  scope: string;
  by: HistoryBy;
  rows: HistoryRow[];
}

/** `from`/`to`: Asia/Shanghai calendar days (yyyy-mm-dd), both included. */
export interface HistoryQuery {
  from: string;
  to: string;
  by: HistoryBy;
}

export interface DashboardReport {
  scope: string;
  title: string;
  from: string;
  to: string;
  peakViewers: number;
  peakAt: string | null;
  uniqueViewers: number;
  watchSeconds: number;
  orders: number;
  buyers: number;
  gmvFen: number;
  /** buyers ÷ unique viewers; null when there were no viewers */
  conversion: number | null;
  registrations: number;
  checkIns: number;
  meetingsBooked: number;
  meetingsHeld: number;
  noShows: number;
  intentions: number;
  signedDeals: number;
  signedAmountFen: number;
  topProducts: TopProduct[];
  topSessions: TopSession[];
}

const seg = (scope: string) => encodeURIComponent(scope);

/** The history's parameters, in the same order for the JSON, the CSV link and its download. */
function csvQuery(q: HistoryQuery) {
  return { from: q.from, to: q.to, by: q.by };
}

/** The CSV export's URL with the same parameters as the history shown (a link to copy; the download adds the token). */
export function historyCsvUrl(scope: string, q: HistoryQuery): string {
  return `/api/dashboard/${seg(scope)}/history.csv?${new URLSearchParams(csvQuery(q)).toString()}`;
}

export const dashboardApi = {
  scopes: (signal?: AbortSignal) => request<DashboardScope[]>('/api/dashboard/scopes', { signal }),
  /** organisers and admins: the showcase merchants whose name contains `q` (live ones first, at most 50) */
  merchants: (q: string, signal?: AbortSignal) =>
    request<DashboardScope[]>('/api/dashboard/merchants', { query: { q }, signal }),
  snapshot: (scope: string, signal?: AbortSignal) => request<DashboardSnapshot>(`/api/dashboard/${seg(scope)}`, { signal }),
  history: (scope: string, q: HistoryQuery, signal?: AbortSignal) =>
    request<DashboardHistory>(`/api/dashboard/${seg(scope)}/history`, { query: csvQuery(q), signal }),
  report: (scope: string, signal?: AbortSignal) => request<DashboardReport>(`/api/dashboard/${seg(scope)}/report`, { signal }),
  downloadHistoryCsv: (scope: string, q: HistoryQuery) =>
    downloadFile(`/api/dashboard/${seg(scope)}/history.csv`, `看板-${scope}-${q.from}至${q.to}.csv`, csvQuery(q)),
};
