import { useMemo } from 'react';
import type { DashboardMinute } from '../../api/dashboard';
import { liveSeriesOption } from './charts';
import { formatMinute, formatNumber } from './dashboard';
import { LazyChart } from './LazyChart';

/** The last 60 minutes, growing as frames arrive: viewers (line) and orders (bars) a minute. */
export function LiveSeries({ minutes, dark }: { minutes: DashboardMinute[]; dark: boolean }) {
  const option = useMemo(() => liveSeriesOption(minutes, dark), [minutes, dark]);
  const last = minutes[minutes.length - 1];
  return (
    <section className="dash-panel dash-series" aria-labelledby="dash-series-title">
      <h2 id="dash-series-title">最近 60 分钟</h2>
      {minutes.length === 0 ? (
        <p className="muted" data-testid="series-empty">暂无数据</p>
      ) : (
        <figure data-testid="live-series" data-points={minutes.length}>
          <LazyChart option={option} className="dash-chart dash-chart-series" testId="series-chart" />
          <figcaption className="sr-only" data-testid="series-caption">
            {`共 ${minutes.length} 分钟；${formatMinute(last.at)} 在线 ${formatNumber(last.viewers)} 人，订单 ${formatNumber(last.orders)} 单`}
          </figcaption>
        </figure>
      )}
    </section>
  );
}
