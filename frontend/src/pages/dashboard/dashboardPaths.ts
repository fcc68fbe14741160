import { useLocation } from 'react-router-dom';

/** Where the dashboard's pages live for whoever looks: the organisers' area, or a merchant's own (经营数据). */
export interface DashboardPaths {
  live: string;
  report: string;
  /** the area's home, and its label on the way back */
  home: string;
  homeLabel: string;
}

const ORGANISER: DashboardPaths = {
  live: '/organiser/dashboard', report: '/organiser/dashboard/report', home: '/organiser', homeLabel: '组织方看板',
};
const MERCHANT: DashboardPaths = {
  live: '/merchant/dashboard', report: '/merchant/dashboard/report', home: '/merchant', homeLabel: '商家中心',
};

/** The same pages serve both areas: the paths follow the one the page was opened in. */
export function useDashboardPaths(): DashboardPaths {
  return useLocation().pathname.startsWith('/merchant/') ? MERCHANT : ORGANISER;
}

/** `path?scope=…` */
export function withScope(path: string, scope: string | null): string {
  return scope ? `${path}?scope=${encodeURIComponent(scope)}` : path;
}

/** A scope's name for a person when the list does not hold it (`merchant-12` → 商家 #12). */
export function scopeFallbackLabel(scope: string): string {
  const merchant = /^merchant-(\d+)$/.exec(scope);
  return merchant ? `商家 #${merchant[1]}` : scope;
}
