import { useCallback, useEffect, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { isApiError } from '../../../api/errors';
import { ROLE_LABELS, formatAmount, pipelineApi } from '../../../api/fairPipeline';
import type { Pair, PairDetail } from '../../../api/fairPipeline';
import { Dialog } from '../../../components/Dialog';
import { FormAlert } from '../../../components/Field';
import { formatDateTime } from '../../../lib/format';
import { usePageTitle } from '../../../lib/usePageTitle';
import { PairPanel } from './PairPanel';
import { StageStepper } from './StageStepper';
import { FairNav } from '../FairNav';

/**
 * /fairs/:id/pipeline — 对接跟踪: the pairs of my enterprise at a fair (from matches and meetings), each with its stage,
 * amounts and a panel to move it on (?pair=ID opens one, as notifications link).
 */
export function MyPipelinePage() {
  const { id = '' } = useParams();
  const fairId = Number(id);
  usePageTitle('对接跟踪');
  const [params, setParams] = useSearchParams();
  const open = Number(params.get('pair')) || null;
  const [mine, setMine] = useState<number | null>(null);
  const [items, setItems] = useState<Pair[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(
    (after: string | null, signal?: AbortSignal) =>
      pipelineApi
        .mine(fairId, after, signal)
        .then((r) => {
          setMine(r.participantId);
          setItems((prev) => (after ? [...prev, ...r.pairs.items] : r.pairs.items));
          setNext(r.pairs.next);
          setLoaded(true);
        })
        .catch((e: unknown) => {
          if (!signal?.aborted) setError(isApiError(e) ? e.detail : '加载失败');
        }),
    [fairId],
  );

  useEffect(() => {
    if (!Number.isSafeInteger(fairId) || fairId <= 0) {
      setError('对接会不存在');
      return;
    }
    const ctl = new AbortController();
    void load(null, ctl.signal);
    return () => ctl.abort();
  }, [fairId, load]);

  const changed = (d: PairDetail) => setItems((prev) => prev.map((p) => (p.id === d.pair.id ? d.pair : p)));
  const openPair = (pairId: number | null) =>
    setParams((prev) => {
      const q = new URLSearchParams(prev);
      if (pairId) q.set('pair', String(pairId));
      else q.delete('pair');
      return q;
    });

  return (
    <section className="container page narrow pipeline-page" data-testid="my-pipeline">
      <p className="small"><Link to={`/fairs/${fairId}`}>← 对接会首页</Link></p>
      <FairNav fairId={fairId} />
      <h1>对接跟踪</h1>
      <p className="muted small">匹配、约见洽谈后，在这里记录与对方的进展：已联系 → 已洽谈 → 达成意向 → 已签约。双方和主办方都能看到。</p>
      <FormAlert message={error} />
      {loaded && items.length === 0 && (
        <p className="muted" data-testid="pipeline-empty">还没有对接记录。去 <Link to={`/fairs/${fairId}/matches`}>匹配推荐</Link> 找找合作伙伴吧。</p>
      )}
      <ul className="pair-list">
        {items.map((p) => {
          const other = p.low.participantId === mine ? p.high : p.low;
          return (
            <li key={p.id} className="pair-card" data-testid="pair-card">
              <button type="button" className="pair-card-open" onClick={() => openPair(p.id)}>
                <span className="pair-card-title">
                  <strong>{other.name}</strong>
                  <span className="muted small">{ROLE_LABELS[other.role]} · {other.region}</span>
                </span>
                <StageStepper stage={p.stage} compact />
                <span className="small muted">
                  {p.signedAmountFen !== null && p.stage === 'SIGNED' ? `签约 ${formatAmount(p.signedAmountFen)} · `
                    : p.intendedAmountFen !== null ? `意向 ${formatAmount(p.intendedAmountFen)} · ` : ''}
                  更新于 {formatDateTime(p.updatedAt)}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
      {next && (
        <button type="button" className="btn btn-ghost" onClick={() => void load(next)} data-testid="pipeline-more">
          加载更多
        </button>
      )}
      {open && (
        <Dialog title="对接进展" onClose={() => openPair(null)} testId="pair-dialog">
          <PairPanel fairId={fairId} pairId={open} onChanged={changed} />
        </Dialog>
      )}
    </section>
  );
}
