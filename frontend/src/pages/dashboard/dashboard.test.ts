import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/errors';
import { historyCsvUrl } from '../../api/dashboard';
import { historyOption, liveSeriesOption, rankingOption } from './charts';
import {
  addDays, dashboardErrorText, defaultHistory, formatClock, formatHistoryAt, formatMinute, formatNumber, formatPercent,
  formatWatchTime, formatYuan, formatYuanShort, historyRangeError, isNewer, mergeMinutes, roomLink, shanghaiToday,
} from './dashboard';
import { historyRow, minutes, snapshot } from './testData';

describe('mergeMinutes', () => {
  it('replaces a minute already shown and appends a new one, oldest first', () => {
    const shown = minutes(3);
    const sameMinute = { ...shown[2], viewers: 999 };
    expect(mergeMinutes(shown, [sameMinute]).map((m) => m.viewers)).toEqual([100, 101, 999]);

    const next = { at: '2026-12-07T03:01:00Z', viewers: 5, orders: 1, gmvFen: 0 };
    const grown = mergeMinutes(shown, [sameMinute, next]);
    expect(grown).toHaveLength(4);
    expect(grown[3]).toEqual(next);
    expect(grown[2].viewers).toBe(999);
  });

  it('matches a minute however its instant is written, and sorts what arrives out of order', () => {
    const shown = [{ at: '2026-12-07T03:00:00.000Z', viewers: 1, orders: 0, gmvFen: 0 }];
    const merged = mergeMinutes(shown, [
      { at: '2026-12-07T11:00:00+08:00', viewers: 2, orders: 0, gmvFen: 0 },
      { at: '2026-12-07T02:59:00Z', viewers: 3, orders: 0, gmvFen: 0 },
    ]);
    expect(merged.map((m) => m.viewers)).toEqual([3, 2]);
  });

  it('keeps at most the last 60 minutes', () => {
    const shown = minutes(60);
    const next = { at: '2026-12-07T03:01:00Z', viewers: 7, orders: 0, gmvFen: 0 };
    const merged = mergeMinutes(shown, [next]);
    expect(merged).toHaveLength(60);
    expect(merged[0].at).toBe(shown[1].at);
    expect(merged[59]).toEqual(next);
    // a gap: minutes older than an hour before the newest go, even when fewer than 60 are left
    const later = { at: '2026-12-07T03:45:00Z', viewers: 8, orders: 0, gmvFen: 0 };
    expect(mergeMinutes(merged, [later]).map((m) => m.at)[0]).toBe('2026-12-07T02:46:00.000Z');
    expect(mergeMinutes([], minutes(90))).toHaveLength(60);
  });

  it('tells a newer snapshot from an older one', () => {
    expect(isNewer(snapshot(), null)).toBe(true);
    expect(isNewer(snapshot({ at: '2026-12-07T03:00:06Z' }), snapshot())).toBe(true);
    expect(isNewer(snapshot({ at: '2026-12-07T03:00:04Z' }), snapshot())).toBe(false);
  });
});

describe('money and figures', () => {
  it('shows fen as yuan, exact with separators', () => {
    expect(formatYuan(123_456_789)).toBe('¥1,234,567.89');
    expect(formatYuan(5)).toBe('¥0.05');
    expect(formatYuan(0)).toBe('¥0.00');
    expect(formatYuan(null)).toBe('—');
  });

  it('shows big amounts in 万元 and 亿元', () => {
    expect(formatYuanShort(123_456)).toBe('1,234.56元');
    expect(formatYuanShort(123_456_789)).toBe('123.46万元');
    expect(formatYuanShort(480_000_000)).toBe('480万元');
    expect(formatYuanShort(25_000_000_000)).toBe('2.5亿元');
    expect(formatYuanShort(undefined)).toBe('—');
  });

  it('shows counts, watch time and rates', () => {
    expect(formatNumber(12345)).toBe('12,345');
    expect(formatWatchTime(45_296)).toBe('12小时34分钟');
    expect(formatWatchTime(7200)).toBe('2小时');
    expect(formatWatchTime(600)).toBe('10分钟');
    expect(formatWatchTime(59)).toBe('不足1分钟');
    expect(formatWatchTime(0)).toBe('0分钟');
    expect(formatPercent(0.0123)).toBe('1.23%');
    expect(formatPercent(null)).toBe('—');
  });
});

describe('times in Asia/Shanghai', () => {
  it('shows the snapshot time, the chart minutes and history rows in Beijing time', () => {
    expect(formatClock('2026-12-07T03:00:05Z')).toBe('11:00:05');
    expect(formatClock('2026-12-07T16:30:00Z')).toBe('00:30:00');
    expect(formatMinute('2026-12-07T16:05:00Z')).toBe('00:05');
    expect(formatHistoryAt('2026-12-06T16:00:00Z', 'day')).toBe('2026-12-07');
    expect(formatHistoryAt('2026-12-07T02:05:00Z', 'minute')).toBe('12-07 10:05');
  });

  it('takes today and the default range from the Shanghai calendar', () => {
    expect(shanghaiToday(new Date('2026-12-06T16:30:00Z'))).toBe('2026-12-07');
    expect(addDays('2026-12-01', -1)).toBe('2026-11-30');
    expect(defaultHistory('2026-12-07')).toEqual({ by: 'day', from: '2026-12-01', to: '2026-12-07' });
  });

  it('refuses ranges the server would refuse', () => {
    expect(historyRangeError({ by: 'minute', from: '2026-12-06', to: '2026-12-07' })).toBeNull();
    expect(historyRangeError({ by: 'minute', from: '2026-12-05', to: '2026-12-07' })).toBe('按分钟最多查询 2 天');
    expect(historyRangeError({ by: 'hour', from: '2026-11-01', to: '2026-12-01' })).toBeNull();
    expect(historyRangeError({ by: 'hour', from: '2026-10-31', to: '2026-12-01' })).toBe('按小时最多查询 31 天');
    expect(historyRangeError({ by: 'day', from: '2025-12-07', to: '2026-12-07' })).toBeNull();
    expect(historyRangeError({ by: 'day', from: '2025-12-06', to: '2026-12-07' })).toBe('按天最多查询 366 天');
    expect(historyRangeError({ by: 'day', from: '2026-12-08', to: '2026-12-07' })).toBe('开始日期不能晚于结束日期');
    expect(historyRangeError({ by: 'day', from: '', to: '2026-12-07' })).toBe('请选择开始和结束日期');
  });
});

describe('links and errors', () => {
  it('builds the CSV URL with the history parameters', () => {
    expect(historyCsvUrl('fair-3', { by: 'hour', from: '2026-12-01', to: '2026-12-07' }))
      .toBe('/api/dashboard/fair-3/history.csv?from=2026-12-01&to=2026-12-07&by=hour');
  });

  it('opens each kind of room where viewers watch it', () => {
    expect(roomLink('LIVE', 12)).toBe('/live/12');
    expect(roomLink('TRAINING', 4)).toBe('/training/sessions/4');
    expect(roomLink('ROADSHOW', 3)).toBe('/fairs/3/roadshow');
  });

  it('says what 403 and 404 mean for a dashboard', () => {
    expect(dashboardErrorText(new ApiError({ status: 403 }))).toContain('没有权限');
    expect(dashboardErrorText(new ApiError({ status: 404, detail: 'Not Found' }))).toContain('不是你主办的活动');
    expect(dashboardErrorText(new ApiError({ status: 500, detail: '服务暂时不可用' }))).toBe('服务暂时不可用');
    expect(dashboardErrorText(new Error('x'))).toBe('加载失败，请稍后再试');
  });
});

describe('chart options', () => {
  it('draws the live series with Beijing minutes, viewers and orders', () => {
    const o = liveSeriesOption(minutes(3));
    expect(o.xAxis.data).toEqual(['10:58', '10:59', '11:00']);
    expect(o.series[0].data).toEqual([100, 101, 102]);
    expect(o.series[1].data).toEqual([0, 1, 2]);
  });

  it('draws a ranking with the first at the top, and the history by its granularity', () => {
    const r = rankingOption([{ name: 'A', value: 3 }, { name: 'B', value: 1 }], '单');
    expect(r.yAxis.data).toEqual(['B', 'A']);
    expect(r.series[0].data).toEqual([1, 3]);
    const h = historyOption([historyRow('2026-12-06T16:00:00Z')], 'day');
    expect(h.xAxis.data).toEqual(['2026-12-07']);
    expect(h.series[1].data).toEqual([20]);
  });
});
