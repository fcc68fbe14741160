// Sample answers of the dashboard API (the contract of issue 15), for the page tests.
import type { DashboardMinute, DashboardReport, DashboardScope, DashboardSnapshot, HistoryRow } from '../../api/dashboard';

export const scopes: DashboardScope[] = [
  { scope: 'fair-3', kind: 'FAIR', title: '2026 安徽采购对接会', live: true },
  { scope: 'showcase', kind: 'SHOWCASE', title: '展厅直播', live: true },
  { scope: 'mine', kind: 'MINE', title: '我的活动', live: false },
];

/** `n` minutes ending at 2026-12-07 03:00 UTC (11:00 in Shanghai), oldest first. */
export function minutes(n: number, end = Date.parse('2026-12-07T03:00:00Z')): DashboardMinute[] {
  return Array.from({ length: n }, (_, i) => ({
    at: new Date(end - (n - 1 - i) * 60_000).toISOString(),
    viewers: 100 + i,
    orders: i % 3,
    gmvFen: i * 1000,
  }));
}

export function snapshot(over: Partial<DashboardSnapshot> = {}): DashboardSnapshot {
  return {
    scope: 'showcase',
    title: '展厅直播',
    at: '2026-12-07T03:00:05Z',
    totals: {
      viewersNow: 1234, peakViewers: 2345, uniqueViewers: 12345, ordersPerMinute: 7, ordersToday: 321,
      gmvTodayFen: 123_456_789, dealsSoldOut: 2, registrations: 80, checkIns: 60, meetingsBooked: 40,
      meetingsHeld: 30, intentions: 12, signedDeals: 5, signedAmountFen: 480_000_000,
    },
    rooms: [
      { kind: 'LIVE', id: 12, title: '东裕茗茶 · 春茶直播', viewersNow: 800, peakViewers: 1200, uniqueViewers: 5000, live: true },
      { kind: 'TRAINING', id: 4, title: '跨境电商入门', viewersNow: 0, peakViewers: 300, uniqueViewers: 900, live: false },
    ],
    regions: [
      { region: '西安市', viewers: 600, orders: 150, gmvFenToday: 60_000_000, enterprises: 0 },
      { region: '宝鸡市', viewers: 200, orders: 40, gmvFenToday: 12_345, enterprises: 0 },
    ],
    topProducts: [
      { productId: 1, name: '秦岭野生猕猴桃', merchant: '周至果业', orders: 120, gmvFen: 3_600_000 },
      { productId: 2, name: '紫阳富硒茶', merchant: '东裕茗茶', orders: 80, gmvFen: 2_400_000 },
    ],
    topSessions: [{ kind: 'LIVE', id: 12, title: '东裕茗茶 · 春茶直播', peakViewers: 1200, uniqueViewers: 5000 }],
    minutes: minutes(3),
    ...over,
  };
}

export function report(over: Partial<DashboardReport> = {}): DashboardReport {
  return {
    scope: 'fair-3',
    title: '2026 安徽采购对接会',
    from: '2026-12-06T01:00:00Z',
    to: '2026-12-07T09:00:00Z',
    peakViewers: 2345,
    peakAt: '2026-12-06T06:31:00Z',
    uniqueViewers: 12_000,
    watchSeconds: 45_296,
    orders: 321,
    buyers: 150,
    gmvFen: 123_456_789,
    conversion: 0.0125,
    registrations: 80,
    checkIns: 60,
    meetingsBooked: 40,
    meetingsHeld: 30,
    noShows: 4,
    intentions: 12,
    signedDeals: 5,
    signedAmountFen: 480_000_000,
    topProducts: snapshot().topProducts,
    topSessions: snapshot().topSessions,
    ...over,
  };
}

export function historyRow(at: string, over: Partial<HistoryRow> = {}): HistoryRow {
  return {
    at, viewersPeak: 300, uniqueViewers: 900, orders: 20, gmvFen: 1_234_500, registrations: 5, checkIns: 4,
    meetingsBooked: 3, meetingsHeld: 2, intentions: 1, signedDeals: 1, signedAmountFen: 10_000_000, ...over,
  };
}
