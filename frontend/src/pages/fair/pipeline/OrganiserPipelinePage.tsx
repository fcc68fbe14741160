import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { isApiError } from '../../../api/errors';
import { PIPELINE_LINE, ROLE_LABELS, STAGE_LABELS, formatAmount, pipelineApi } from '../../../api/fairPipeline';
import type { FairKpi, PairDetail, PairStage } from '../../../api/fairPipeline';
import { Dialog } from '../../../components/Dialog';
import { FormAlert } from '../../../components/Field';
import { formatDateTime } from '../../../lib/format';
import { usePagedList } from '../../../lib/usePagedList';
import { usePageTitle } from '../../../lib/usePageTitle';
import { fairDestinations } from '../../../realtime/destinations';
import { useLatest } from '../../../realtime/useTopic';
import { FunnelChart } from './FunnelChart';
import { KpiCards } from './KpiCards';
import { funnelOf, signRate } from './kpi';
import { PairPanel } from './PairPanel';
import { FairNav } from '../FairNav';

const FILTERS: Array<PairStage | ''> = ['', ...PIPELINE_LINE, 'DROPPED'];

/**
 * /organiser/fairs/:id/pipeline — a fair's KPIs (cards and the pairs' funnel, updated live over STOMP), every pair with
 * a filter by stage, CSV export; a pair opens in a panel where the organiser may move it too.
 */
export function OrganiserPipelinePage() {
  const { id = '' } = useParams();
  const fairId = Number(id);
  const valid = Number.isSafeInteger(fairId) && fairId > 0;
  const [loadedKpi, setLoadedKpi] = useState<FairKpi | null>(null);
  const [error, setError] = useState<string | null>(valid ? null : '对接会不存在');
  const [stage, setStage] = useState<PairStage | ''>('');
  const [open, setOpen] = useState<number | null>(null);
  const live = useLatest<FairKpi>(valid ? fairDestinations.kpi(fairId) : null);
  // the newer of the page's read and the topic's latest value
  const kpi = live && (!loadedKpi || Date.parse(live.at) >= Date.parse(loadedKpi.at)) ? live : loadedKpi;
  usePageTitle(kpi ? `对接跟踪 · ${kpi.title}` : '对接跟踪');

  useEffect(() => {
    if (!valid) return;
    const ctl = new AbortController();
    pipelineApi.kpi(fairId, ctl.signal).then(setLoadedKpi).catch((e: unknown) => {
      if (!ctl.signal.aborted) setError(isApiError(e) ? e.detail : '加载失败');
    });
    return () => ctl.abort();
  }, [fairId, valid]);

  const fetchPage = useCallback((after: string | null) => pipelineApi.ofFair(fairId, stage, after), [fairId, stage]);
  const pairs = usePagedList(fetchPage, '加载失败', valid);
  const levels = useMemo(() => (kpi ? funnelOf(kpi.stages) : []), [kpi]);
  const changed = (d: PairDetail) => pairs.setItems((prev) => prev.map((p) => (p.id === d.pair.id ? d.pair : p)));

  return (
    <div className="container page pipeline-organiser" data-testid="organiser-pipeline">
      <p className="small"><Link to="/organiser/fairs/kpi">← 全部对接会成效</Link></p>
      <FairNav fairId={fairId} organiser />
      <h1>对接跟踪{kpi ? `：${kpi.title}` : ''}</h1>
      <FormAlert message={error} />
      {kpi && (
        <>
          <p className="small muted" data-testid="kpi-updated">实时更新 · {formatDateTime(kpi.at)} · 签约率 {signRate(kpi.stages)}</p>
          <div className="pipeline-overview">
            <KpiCards figures={kpi.figures} />
            <FunnelChart levels={levels} />
          </div>
        </>
      )}
      <div className="pipeline-toolbar">
        <div className="filter-chips" role="tablist" aria-label="按阶段筛选">
          {FILTERS.map((s) => (
            <button key={s || 'all'} type="button" role="tab" aria-selected={stage === s}
              className={`filter-chip${stage === s ? ' active' : ''}`} data-testid={`filter-${s || 'ALL'}`}
              onClick={() => setStage(s)}>
              {s ? `${STAGE_LABELS[s]}${kpi ? ` ${kpi.stages[s]}` : ''}` : '全部'}
            </button>
          ))}
        </div>
        <button type="button" className="btn btn-ghost btn-sm" data-testid="pairs-csv"
          onClick={() => pipelineApi.downloadPairsCsv(fairId).catch(() => setError('导出失败，请稍后再试'))}>
          导出 CSV
        </button>
      </div>
      <FormAlert message={pairs.error} />
      <div className="table-wrap">
        <table className="data-table" data-testid="pairs-table">
          <thead>
            <tr><th>企业</th><th>对方企业</th><th>阶段</th><th>意向金额</th><th>签约金额</th><th>更新时间</th><th /></tr>
          </thead>
          <tbody>
            {!pairs.loading && pairs.items.length === 0 && (
              <tr><td colSpan={7} className="muted">{stage ? '这个阶段还没有对接' : '还没有对接记录'}</td></tr>
            )}
            {pairs.items.map((p) => (
              <tr key={p.id} data-testid="pair-row">
                <td>{p.low.name}<span className="muted small"> {ROLE_LABELS[p.low.role]}</span></td>
                <td>{p.high.name}<span className="muted small"> {ROLE_LABELS[p.high.role]}</span></td>
                <td><span className={`stage-badge stage-${p.stage.toLowerCase()}`}>{STAGE_LABELS[p.stage]}</span></td>
                <td>{formatAmount(p.intendedAmountFen)}</td>
                <td>{p.stage === 'SIGNED' ? formatAmount(p.signedAmountFen) : '—'}</td>
                <td>{formatDateTime(p.updatedAt)}</td>
                <td><button type="button" className="link-button" onClick={() => setOpen(p.id)}>查看</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pairs.next && (
        <button type="button" className="btn btn-ghost" onClick={() => void pairs.load(pairs.next)} disabled={pairs.loading}>
          加载更多
        </button>
      )}
      {open && (
        <Dialog title="对接进展" onClose={() => setOpen(null)} testId="pair-dialog">
          <PairPanel fairId={fairId} pairId={open} onChanged={changed} />
        </Dialog>
      )}
    </div>
  );
}
