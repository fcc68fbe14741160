// The dashboard's ECharts options (pure: tested without a canvas).
import type { DashboardMinute, HistoryBy, HistoryRow } from '../../api/dashboard';
import { formatHistoryAt, formatMinute } from './dashboard';

interface Palette {
  /** the axis labels' size: larger on a wall screen */
  size: number;
  text: string;
  muted: string;
  line: string;
  primary: string;
  secondary: string;
}

const LIGHT: Palette = { size: 12, text: '#2b2118', muted: '#76685c', line: '#ece1d4', primary: '#b3261e', secondary: '#d9a21b' };
const DARK: Palette = { size: 15, text: '#f4ece1', muted: '#b9ab9b', line: '#3b3029', primary: '#ff6b5e', secondary: '#f2c14e' };

const palette = (dark: boolean) => (dark ? DARK : LIGHT);

function axes(c: Palette) {
  return {
    axisLine: { lineStyle: { color: c.line } },
    axisLabel: { color: c.muted, fontSize: c.size },
    splitLine: { lineStyle: { color: c.line } },
  };
}

/** The live series: viewers (line, left axis) and orders (bars, right axis) a minute, times in Asia/Shanghai. */
export function liveSeriesOption(minutes: DashboardMinute[], dark = false) {
  const c = palette(dark);
  return {
    animationDurationUpdate: 300,
    textStyle: { color: c.text },
    tooltip: { trigger: 'axis' },
    legend: { data: ['在线人数', '订单数'], textStyle: { color: c.text, fontSize: c.size }, top: 0 },
    grid: { left: 48, right: 40, top: 36, bottom: 28 },
    xAxis: { type: 'category', boundaryGap: true, data: minutes.map((m) => formatMinute(m.at)), ...axes(c) },
    yAxis: [
      { type: 'value', name: '人', minInterval: 1, nameTextStyle: { color: c.muted }, ...axes(c) },
      { type: 'value', name: '单', minInterval: 1, nameTextStyle: { color: c.muted }, ...axes(c), splitLine: { show: false } },
    ],
    series: [
      {
        name: '在线人数',
        type: 'line',
        smooth: true,
        showSymbol: false,
        yAxisIndex: 0,
        itemStyle: { color: c.primary },
        areaStyle: { color: c.primary, opacity: 0.12 },
        data: minutes.map((m) => m.viewers),
      },
      {
        name: '订单数',
        type: 'bar',
        yAxisIndex: 1,
        itemStyle: { color: c.secondary },
        data: minutes.map((m) => m.orders),
      },
    ],
  };
}

/** A ranking as horizontal bars, the first at the top. */
export function rankingOption(items: Array<{ name: string; value: number }>, unit: string, dark = false) {
  const c = palette(dark);
  const top = items.slice().reverse();
  return {
    textStyle: { color: c.text },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1, ...axes(c), axisLabel: { show: false } },
    yAxis: {
      type: 'category',
      data: top.map((i) => i.name),
      ...axes(c),
      axisLabel: { color: c.text, fontSize: c.size, width: 8 * c.size + 24, overflow: 'truncate' },
    },
    series: [
      {
        name: unit,
        type: 'bar',
        barMaxWidth: 18,
        itemStyle: { color: c.primary, borderRadius: [0, 4, 4, 0] },
        label: { show: true, position: 'right', color: c.text, fontSize: c.size },
        data: top.map((i) => i.value),
      },
    ],
  };
}

/** The history: peak viewers (line) and orders (bars) per day / hour / minute. */
export function historyOption(rows: HistoryRow[], by: HistoryBy) {
  const c = palette(false);
  return {
    textStyle: { color: c.text },
    tooltip: { trigger: 'axis' },
    legend: { data: ['峰值在线', '订单数'], top: 0 },
    grid: { left: 48, right: 40, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: rows.map((r) => formatHistoryAt(r.at, by)), ...axes(c) },
    yAxis: [
      { type: 'value', minInterval: 1, ...axes(c) },
      { type: 'value', minInterval: 1, ...axes(c), splitLine: { show: false } },
    ],
    series: [
      { name: '峰值在线', type: 'line', showSymbol: rows.length < 60, yAxisIndex: 0, itemStyle: { color: c.primary }, data: rows.map((r) => r.viewersPeak) },
      { name: '订单数', type: 'bar', yAxisIndex: 1, itemStyle: { color: c.secondary }, data: rows.map((r) => r.orders) },
    ],
  };
}
