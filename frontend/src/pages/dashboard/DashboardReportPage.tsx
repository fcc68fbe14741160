import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { dashboardApi } from '../../api/dashboard';
import type { DashboardReport } from '../../api/dashboard';
import { FormAlert } from '../../components/Field';
import { formatDateTime } from '../../lib/format';
import { usePageTitle } from '../../lib/usePageTitle';
import { useDashboardPaths, withScope } from './dashboardPaths';
import { ROOM_KIND_LABELS, dashboardErrorText, formatNumber, formatPercent, formatWatchTime, formatYuan, formatYuanShort } from './dashboard';
import { FigureValue } from './FigureValue';
import { HistorySection } from './HistorySection';
import { ReportFunnel } from './ReportFunnel';
import { ScopePicker } from './ScopePicker';
import { useScopes } from './useScopes';
import './dashboard.css';

/**
 * /organiser/dashboard/report?scope=… — a scope's report after (or during) its event: peak with its time, uniques,
 * watch time, orders, buyers, GMV, conversion, meetings → intentions → signed; and its history with CSV export.
 * /merchant/dashboard/report is the same for a merchant's own scope (商家中心 → 经营数据).
 */
export function DashboardReportPage() {
  const scopes = useScopes();
  const paths = useDashboardPaths();
  const scope = scopes.scope;
  const [state, setState] = useState<{ scope: string | null; report: DashboardReport | null; error: string | null }>({
    scope: null, report: null, error: null,
  });
  const current = state.scope === scope ? state : { scope, report: null, error: null };
  const report = current.report;
  // a merchant's own figures: its sales and its rooms' audience, no registrations, meetings or deals signed
  const shop = report?.scope.startsWith('merchant-') ?? false;
  usePageTitle(report ? `数据报表 · ${report.title}` : '数据报表');

  useEffect(() => {
    if (!scope) return;
    const ctl = new AbortController();
    dashboardApi.report(scope, ctl.signal)
      .then((r) => setState({ scope, report: r, error: null }))
      .catch((e: unknown) => {
        if (!ctl.signal.aborted) setState({ scope, report: null, error: dashboardErrorText(e) });
      });
    return () => ctl.abort();
  }, [scope]);

  return (
    <div className="container page dash dash-report" data-testid="report-page">
      <div className="dash-head">
        <div className="dash-title">
          <p className="small">
            <Link to={withScope(paths.live, scope)} data-testid="link-live">
              ← 实时看板
            </Link>
          </p>
          <h1>数据报表{report ? `：${report.title}` : ''}</h1>
          {report && (
            <p className="small muted" data-testid="report-window">统计时段 {formatDateTime(report.from)} – {formatDateTime(report.to)}（北京时间）</p>
          )}
        </div>
        <div className="dash-tools"><ScopePicker scopes={scopes} /></div>
      </div>
      <FormAlert message={scopes.error ?? current.error} />
      {scopes.list && scopes.list.length === 0 && !scope && <p className="muted" data-testid="no-scopes">你还没有可查看的报表。</p>}

      {report && (
        <>
          <div className="dash-figures dash-report-figures" data-testid="report-figures">
            <Figure id="peak" label="峰值在线" value={formatNumber(report.peakViewers)}
              note={report.peakAt ? `出现于 ${formatDateTime(report.peakAt)}` : undefined} />
            <Figure id="uniques" label="独立观众" value={formatNumber(report.uniqueViewers)} />
            <Figure id="watch" label="观看时长" value={formatWatchTime(report.watchSeconds)} />
            <Figure id="orders" label="订单数" value={formatNumber(report.orders)} />
            <Figure id="buyers" label="下单人数" value={formatNumber(report.buyers)} />
            <Figure id="gmv" label="成交额" value={formatYuanShort(report.gmvFen)} note={formatYuan(report.gmvFen)} />
            <Figure id="conversion" label="观众转化率" value={formatPercent(report.conversion)} note="下单人数 ÷ 独立观众" />
            {!shop && (
              <>
                <Figure id="registrations" label="报名 / 签到" value={`${formatNumber(report.registrations)} / ${formatNumber(report.checkIns)}`} />
                <Figure id="meetings" label="对接会预约 / 举行" value={`${formatNumber(report.meetingsBooked)} / ${formatNumber(report.meetingsHeld)}`}
                  note={`爽约 ${formatNumber(report.noShows)}`} />
                <Figure id="signed" label="签约金额" value={formatYuanShort(report.signedAmountFen)}
                  note={`签约 ${formatNumber(report.signedDeals)} 项 · ${formatYuan(report.signedAmountFen)}`} />
              </>
            )}
          </div>
          <div className="dash-grid dash-report-grid">
            {!shop && (
              <section className="dash-panel" aria-labelledby="dash-funnel-title">
                <h2 id="dash-funnel-title">对接转化</h2>
                <ReportFunnel steps={[
                  { key: 'booked', label: '对接会预约', value: report.meetingsBooked },
                  { key: 'held', label: '对接会举行', value: report.meetingsHeld },
                  { key: 'intentions', label: '达成意向', value: report.intentions },
                  { key: 'signed', label: '签约', value: report.signedDeals },
                ]} />
              </section>
            )}
            <section className="dash-panel" aria-labelledby="dash-report-top">
              <h2 id="dash-report-top">商品与场次</h2>
              {report.topProducts.length === 0 && report.topSessions.length === 0 && (
                <p className="muted" data-testid="report-top-empty">暂无成交商品和场次</p>
              )}
              {report.topProducts.length > 0 && (
                <ol className="dash-rank-list" data-testid="report-products">
                  {report.topProducts.map((p) => (
                    <li key={p.productId}>
                      <span className="dash-rank-name">{p.name}<span className="muted small"> {p.merchant}</span></span>
                      <span className="dash-rank-value">{formatNumber(p.orders)} 单 · {formatYuan(p.gmvFen)}</span>
                    </li>
                  ))}
                </ol>
              )}
              {report.topSessions.length > 0 && (
                <ol className="dash-rank-list" data-testid="report-sessions">
                  {report.topSessions.map((s) => (
                    <li key={`${s.kind}-${s.id}`}>
                      <span className="dash-rank-name"><span className="dash-kind">{ROOM_KIND_LABELS[s.kind] ?? s.kind}</span>{s.title}</span>
                      <span className="dash-rank-value">峰值 {formatNumber(s.peakViewers)} · 独立 {formatNumber(s.uniqueViewers)}</span>
                    </li>
                  ))}
                </ol>
              )}
            </section>
          </div>
        </>
      )}
      {scope && !current.error && <HistorySection scope={scope} />}
    </div>
  );
}

function Figure({ id, label, value, note }: { id: string; label: string; value: string; note?: string }) {
  return (
    <div className="dash-figure" data-testid={`report-${id}`}>
      <span className="dash-figure-label">{label}</span>
      <FigureValue text={value} testId={`report-${id}-value`} />
      {note && <span className="dash-figure-note">{note}</span>}
    </div>
  );
}
