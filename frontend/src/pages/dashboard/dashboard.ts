// Pure helpers of the organisers' dashboard: the live series, figures, money, times (Asia/Shanghai), labels.
import { isApiError } from '../../api/errors';
import type { DashboardMinute, DashboardSnapshot, HistoryBy, HistoryQuery, RoomKind, ScopeKind } from '../../api/dashboard';

/** The live chart's span: the last 60 minutes, one point a minute. */
export const SERIES_MINUTES = 60;
const MINUTE_MS = 60_000;

const minuteOf = (m: DashboardMinute) => Math.floor(Date.parse(m.at) / MINUTE_MS);

/**
 * The series after a frame: a minute already shown is replaced by the frame's (its counts grew), a new minute is
 * appended; oldest first, only the last `max` minutes (a point older than that before the newest goes too).
 */
export function mergeMinutes(shown: DashboardMinute[], incoming: DashboardMinute[], max = SERIES_MINUTES): DashboardMinute[] {
  const byMinute = new Map<number, DashboardMinute>();
  for (const m of shown) if (!Number.isNaN(minuteOf(m))) byMinute.set(minuteOf(m), m);
  for (const m of incoming) if (!Number.isNaN(minuteOf(m))) byMinute.set(minuteOf(m), m);
  const keys = [...byMinute.keys()].sort((a, b) => a - b);
  const newest = keys[keys.length - 1];
  return keys
    .filter((k) => k > newest - max)
    .slice(-max)
    .map((k) => byMinute.get(k)!);
}

/** Whether `next` is at least as new as `shown` (a REST answer may arrive after a newer frame). */
export function isNewer(next: DashboardSnapshot, shown: DashboardSnapshot | null): boolean {
  return !shown || Date.parse(next.at) >= Date.parse(shown.at);
}

const yuanFormat = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** Integer fen → exact yuan with separators: 123456789 → "¥1,234,567.89". */
export function formatYuan(fen: number | null | undefined): string {
  if (fen === null || fen === undefined || !Number.isFinite(fen)) return '—';
  return `¥${yuanFormat.format(fen / 100)}`;
}

/** Integer fen → yuan for a big number: under 1万元 exact ("1,234.50元"), else 万元 / 亿元 with 2 decimals. */
export function formatYuanShort(fen: number | null | undefined): string {
  if (fen === null || fen === undefined || !Number.isFinite(fen)) return '—';
  const yuan = fen / 100;
  const two = (x: number) => x.toFixed(2).replace(/\.?0+$/, '');
  if (Math.abs(yuan) >= 1e8) return `${two(yuan / 1e8)}亿元`;
  if (Math.abs(yuan) >= 1e4) return `${two(yuan / 1e4)}万元`;
  return `${yuanFormat.format(yuan)}元`;
}

const countFormat = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 });

/** A count with separators: 12345 → "12,345" (a big screen shows every viewer). */
export function formatNumber(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '—';
  return countFormat.format(n);
}

/** Watch time: 45296 s → "12小时34分钟", 59 s → "不足1分钟". */
export function formatWatchTime(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return '—';
  const minutes = Math.floor(seconds / 60);
  if (minutes === 0) return seconds === 0 ? '0分钟' : '不足1分钟';
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m}分钟`;
  return m === 0 ? `${formatNumber(h)}小时` : `${formatNumber(h)}小时${m}分钟`;
}

/** A ratio as a percentage: 0.0123 → "1.23%"; null (no viewers) → "—". */
export function formatPercent(ratio: number | null | undefined): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return '—';
  return `${(ratio * 100).toFixed(2)}%`;
}

const parts = (iso: string, opts: Intl.DateTimeFormatOptions) => {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return null;
  const out: Record<string, string> = {};
  for (const p of new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hourCycle: 'h23', ...opts }).formatToParts(new Date(t))) {
    out[p.type] = p.value;
  }
  return out;
};

/** ISO instant → Asia/Shanghai "HH:mm:ss" (the snapshot's time). */
export function formatClock(iso: string | null | undefined): string {
  const p = iso ? parts(iso, { hour: '2-digit', minute: '2-digit', second: '2-digit' }) : null;
  return p ? `${p.hour}:${p.minute}:${p.second}` : '—';
}

/** ISO instant → Asia/Shanghai "HH:mm" (a point of the live chart). */
export function formatMinute(iso: string): string {
  const p = parts(iso, { hour: '2-digit', minute: '2-digit' });
  return p ? `${p.hour}:${p.minute}` : iso;
}

/** A history row's time in Asia/Shanghai: by day "2026-12-07", by hour/minute "12-07 10:05". */
export function formatHistoryAt(iso: string, by: HistoryBy): string {
  const p = parts(iso, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
  if (!p) return iso;
  return by === 'day' ? `${p.year}-${p.month}-${p.day}` : `${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** Today's calendar day in Asia/Shanghai, yyyy-mm-dd. */
export function shanghaiToday(now: Date = new Date()): string {
  const p = parts(now.toISOString(), { year: 'numeric', month: '2-digit', day: '2-digit' })!;
  return `${p.year}-${p.month}-${p.day}`;
}

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;
const dayNumber = (day: string) => (DAY_RE.test(day) ? Date.parse(`${day}T00:00:00Z`) / 86_400_000 : NaN);

/** A calendar day moved by `n` days. */
export function addDays(day: string, n: number): string {
  return new Date((dayNumber(day) + n) * 86_400_000).toISOString().slice(0, 10);
}

/** The longest range (days, both ends included) the history may be asked for by each granularity (the server's rule). */
export const MAX_DAYS: Record<HistoryBy, number> = { minute: 2, hour: 31, day: 366 };

export const BY_LABELS: Record<HistoryBy, string> = { minute: '按分钟', hour: '按小时', day: '按天' };

/** Why a history query would be refused, in Chinese; null when it may be asked. */
export function historyRangeError(q: HistoryQuery): string | null {
  const from = dayNumber(q.from);
  const to = dayNumber(q.to);
  if (Number.isNaN(from) || Number.isNaN(to)) return '请选择开始和结束日期';
  if (from > to) return '开始日期不能晚于结束日期';
  if (to - from + 1 > MAX_DAYS[q.by]) return `${BY_LABELS[q.by]}最多查询 ${MAX_DAYS[q.by]} 天`;
  return null;
}

/** The default history: the last 7 days by day. */
export function defaultHistory(today: string): HistoryQuery {
  return { by: 'day', from: addDays(today, -6), to: today };
}

export const SCOPE_KIND_LABELS: Record<ScopeKind, string> = {
  MINE: '我的全部活动',
  PLATFORM: '全平台',
  SHOWCASE: '展厅直播',
  MERCHANT: '展厅商家',
  TRAINING: '培训系列',
  FAIR: '对接会',
};

export const ROOM_KIND_LABELS: Record<RoomKind, string> = { LIVE: '直播', TRAINING: '培训', ROADSHOW: '路演' };

/** Where a room of the dashboard opens. */
export function roomLink(kind: RoomKind, id: number): string {
  if (kind === 'TRAINING') return `/training/sessions/${id}`;
  if (kind === 'ROADSHOW') return `/fairs/${id}/roadshow`;
  return `/live/${id}`;
}

/** A failed dashboard read in plain Chinese (403 and 404 say what they mean for a dashboard). */
export function dashboardErrorText(e: unknown): string {
  if (isApiError(e)) {
    if (e.status === 403) return '你没有权限查看这个看板：仅限活动的组织方和管理员查看。';
    if (e.status === 404) return '找不到这个看板：活动不存在，或不是你主办的活动。';
    return e.detail;
  }
  return '加载失败，请稍后再试';
}
