import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { isApiError } from '../../../api/errors';
import { pipelineApi } from '../../../api/fairPipeline';
import type { KpiTable } from '../../../api/fairPipeline';
import { FormAlert } from '../../../components/Field';
import { formatDateTime } from '../../../lib/format';
import { usePageTitle } from '../../../lib/usePageTitle';
import { FIGURES, FIGURE_LABELS, formatFigure } from './kpi';

/** /organiser/fairs/kpi — the KPIs of every fair the organiser runs, with totals and CSV export. */
export function FairKpiPage() {
  usePageTitle('对接会成效');
  const [table, setTable] = useState<KpiTable | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const ctl = new AbortController();
    pipelineApi.kpiTable(ctl.signal).then(setTable).catch((e: unknown) => {
      if (!ctl.signal.aborted) setError(isApiError(e) ? e.detail : '加载失败');
    });
    return () => ctl.abort();
  }, []);

  return (
    <div className="container page fair-kpi-page" data-testid="fair-kpi-page">
      <p className="small"><Link to="/organiser/fairs">← 对接会管理</Link></p>
      <h1>对接会成效</h1>
      <FormAlert message={error} />
      {table && (
        <>
          <div className="fair-kpi-actions">
            <span className="small muted">统计于 {formatDateTime(table.at)}</span>
            <button type="button" className="btn btn-ghost btn-sm" data-testid="kpi-csv"
              onClick={() => pipelineApi.downloadKpiCsv().catch(() => setError('导出失败，请稍后再试'))}>
              导出 CSV
            </button>
          </div>
          {table.fairs.length === 0 ? (
            <p className="muted">你还没有主办对接会。</p>
          ) : (
            <div className="table-wrap">
              <table className="data-table kpi-table" data-testid="kpi-table">
                <thead>
                  <tr>
                    <th>对接会</th>
                    {FIGURES.map((f) => <th key={f}>{FIGURE_LABELS[f]}</th>)}
                  </tr>
                </thead>
                <tbody>
                  {table.fairs.map((k) => (
                    <tr key={k.fairId} data-testid="kpi-row">
                      <td>
                        <Link to={`/organiser/fairs/${k.fairId}/pipeline`}>{k.title}</Link>
                        <span className="muted small kpi-fair-date">{formatDateTime(k.startsAt)}</span>
                      </td>
                      {FIGURES.map((f) => <td key={f}>{formatFigure(f, k.figures[f])}</td>)}
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr data-testid="kpi-total">
                    <th>合计</th>
                    {FIGURES.map((f) => <th key={f}>{formatFigure(f, table.total[f])}</th>)}
                  </tr>
                </tfoot>
              </table>
            </div>
          )}
        </>
      )}
    </div>
  );
}
