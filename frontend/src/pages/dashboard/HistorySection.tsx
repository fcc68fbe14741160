import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { dashboardApi, historyCsvUrl } from '../../api/dashboard';
import type { DashboardHistory, HistoryBy, HistoryQuery } from '../../api/dashboard';
import { isApiError } from '../../api/errors';
import { FormAlert } from '../../components/Field';
import { historyOption } from './charts';
import { BY_LABELS, dashboardErrorText, defaultHistory, formatHistoryAt, formatNumber, formatYuan, historyRangeError, shanghaiToday } from './dashboard';
import { LazyChart } from './LazyChart';

const BYS: HistoryBy[] = ['day', 'hour', 'minute'];
/** The table shows at most this many rows (the newest); the CSV has them all. */
export const TABLE_ROWS = 500;

const isBy = (v: string | null): v is HistoryBy => v === 'day' || v === 'hour' || v === 'minute';

/** The history query in the URL (`by`, `from`, `to`), the last 7 days by day when absent. */
function useHistoryQuery(): [HistoryQuery, (change: Partial<HistoryQuery>) => void] {
  const [params, setParams] = useSearchParams();
  const fallback = defaultHistory(shanghaiToday());
  const by = params.get('by');
  const query: HistoryQuery = {
    by: isBy(by) ? by : fallback.by,
    from: params.get('from') || fallback.from,
    to: params.get('to') || fallback.to,
  };
  const change = (c: Partial<HistoryQuery>) =>
    setParams((p) => {
      const next = new URLSearchParams(p);
      const q = { ...query, ...c };
      next.set('by', q.by);
      next.set('from', q.from);
      next.set('to', q.to);
      return next;
    }, { replace: true });
  return [query, change];
}

/** The scope's history by day / hour / minute over a date range: a chart, a table and the CSV export of the same. */
export function HistorySection({ scope }: { scope: string }) {
  const [query, change] = useHistoryQuery();
  const [history, setHistory] = useState<DashboardHistory | null>(null);
  const [error, setError] = useState<string | null>(null);
  const invalid = historyRangeError(query);
  const { by, from, to } = query;

  useEffect(() => {
    setHistory(null);
    setError(null);
    if (historyRangeError({ by, from, to })) return;
    const ctl = new AbortController();
    dashboardApi.history(scope, { by, from, to }, ctl.signal).then(setHistory).catch((e: unknown) => {
      if (ctl.signal.aborted) return;
      setError(isApiError(e) && e.hasFieldErrors ? Object.values(e.fieldErrors).join('；') : dashboardErrorText(e));
    });
    return () => ctl.abort();
  }, [scope, by, from, to]);

  const rows = history?.rows ?? [];
  const shown = rows.length > TABLE_ROWS ? rows.slice(rows.length - TABLE_ROWS) : rows;
  const option = useMemo(() => historyOption(rows, by), [rows, by]);
  const csv = historyCsvUrl(scope, query);

  return (
    <section className="dash-panel dash-history" aria-labelledby="dash-history-title">
      <h2 id="dash-history-title">历史数据</h2>
      <div className="dash-history-form">
        <label>
          <span className="small muted">粒度</span>
          <select value={by} onChange={(e) => change({ by: e.target.value as HistoryBy })} data-testid="history-by">
            {BYS.map((b) => <option key={b} value={b}>{BY_LABELS[b]}</option>)}
          </select>
        </label>
        <label>
          <span className="small muted">开始日期</span>
          <input type="date" value={from} max={to} onChange={(e) => change({ from: e.target.value })} data-testid="history-from" />
        </label>
        <label>
          <span className="small muted">结束日期</span>
          <input type="date" value={to} min={from} onChange={(e) => change({ to: e.target.value })} data-testid="history-to" />
        </label>
        {invalid ? (
          <span className="btn btn-ghost btn-sm" aria-disabled="true">导出 CSV</span>
        ) : (
          <a className="btn btn-ghost btn-sm" href={csv} data-testid="history-csv"
            onClick={(e) => {
              // the API wants the token in a header: the link shows the URL, the click downloads with the token
              e.preventDefault();
              dashboardApi.downloadHistoryCsv(scope, query).catch((err: unknown) => setError(isApiError(err) ? err.detail : '导出失败，请稍后再试'));
            }}>
            导出 CSV
          </a>
        )}
      </div>
      <p className="small muted">日期按北京时间计；按分钟最多 2 天，按小时最多 31 天，按天最多 366 天。</p>
      <FormAlert message={invalid ?? error} />
      {history && rows.length === 0 && <p className="muted" data-testid="history-empty">所选时间段没有数据</p>}
      {history && rows.length > 0 && (
        <>
          <LazyChart option={option} className="dash-chart dash-chart-history" testId="history-chart" />
          {rows.length > TABLE_ROWS && (
            <p className="small muted" data-testid="history-truncated">
              共 {formatNumber(rows.length)} 行，表格只显示最后 {TABLE_ROWS} 行；全部数据请导出 CSV。
            </p>
          )}
          <div className="table-wrap dash-history-table">
            <table className="data-table dash-table" data-testid="history-table">
              <thead>
                <tr>
                  <th>时间</th><th className="num">峰值在线</th><th className="num">独立观众</th><th className="num">订单数</th>
                  <th className="num">成交额</th><th className="num">报名</th><th className="num">签到</th><th className="num">对接会预约</th>
                  <th className="num">对接会举行</th><th className="num">意向</th><th className="num">签约</th><th className="num">签约金额</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((r) => (
                  <tr key={r.at} data-testid="history-row">
                    <td>{formatHistoryAt(r.at, by)}</td>
                    <td className="num">{formatNumber(r.viewersPeak)}</td>
                    <td className="num">{formatNumber(r.uniqueViewers)}</td>
                    <td className="num">{formatNumber(r.orders)}</td>
                    <td className="num">{formatYuan(r.gmvFen)}</td>
                    <td className="num">{formatNumber(r.registrations)}</td>
                    <td className="num">{formatNumber(r.checkIns)}</td>
                    <td className="num">{formatNumber(r.meetingsBooked)}</td>
                    <td className="num">{formatNumber(r.meetingsHeld)}</td>
                    <td className="num">{formatNumber(r.intentions)}</td>
                    <td className="num">{formatNumber(r.signedDeals)}</td>
                    <td className="num">{formatYuan(r.signedAmountFen)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
