import { useCallback, useEffect, useState } from 'react';
import { isApiError } from '../../../api/errors';
import { ROLE_LABELS, STAGE_LABELS, formatAmount, pipelineApi } from '../../../api/fairPipeline';
import type { PairDetail } from '../../../api/fairPipeline';
import { FormAlert } from '../../../components/Field';
import { formatDateTime } from '../../../lib/format';
import { PairEditor } from './PairEditor';
import { StageStepper } from './StageStepper';

interface PairPanelProps {
  fairId: number;
  pairId: number;
  /** a change was saved (lists refresh the pair's row) */
  onChanged?: (detail: PairDetail) => void;
}

/** One pair: both enterprises, where it stands, its amounts, the form to move it and its history. */
export function PairPanel({ fairId, pairId, onChanged }: PairPanelProps) {
  const [detail, setDetail] = useState<PairDetail | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(
    (signal?: AbortSignal) =>
      pipelineApi.pair(fairId, pairId, signal).then(setDetail).catch((e: unknown) => {
        if (!signal?.aborted) setError(isApiError(e) ? e.detail : '加载失败');
      }),
    [fairId, pairId],
  );

  useEffect(() => {
    const ctl = new AbortController();
    void load(ctl.signal);
    return () => ctl.abort();
  }, [load]);

  if (!detail) return <FormAlert message={error} />;
  const { pair, history } = detail;
  const sides = detail.mine === pair.high.participantId ? [pair.high, pair.low] : [pair.low, pair.high];
  return (
    <div className="pair-panel" data-testid="pair-panel">
      <p className="pair-sides">
        {sides.map((s, i) => (
          <span key={s.participantId}>
            {i > 0 && <span className="pair-and" aria-hidden="true"> ⇄ </span>}
            <strong>{s.name}</strong>
            <span className="muted small">（{ROLE_LABELS[s.role]} · {s.region}）</span>
          </span>
        ))}
      </p>
      <StageStepper stage={pair.stage} />
      <dl className="pair-facts">
        <div>
          <dt>意向金额</dt>
          <dd data-testid="pair-intended-amount">{formatAmount(pair.intendedAmountFen)}
            {pair.intendedOn && <span className="fact-date">{pair.intendedOn}</span>}</dd>
        </div>
        <div>
          <dt>签约金额</dt>
          <dd data-testid="pair-signed-amount">{formatAmount(pair.signedAmountFen)}
            {pair.signedOn && <span className="fact-date">{pair.signedOn}</span>}</dd>
        </div>
        {pair.stage === 'DROPPED' && pair.dropReason && <div className="fact-wide"><dt>放弃原因</dt><dd>{pair.dropReason}</dd></div>}
        {pair.note && <div className="fact-wide"><dt>最新备注</dt><dd>{pair.note}</dd></div>}
      </dl>
      <PairEditor key={pair.version} pair={pair}
        onSaved={(d) => {
          setDetail(d);
          onChanged?.(d);
        }}
        onStale={() => void load()} />
      <h3 className="pair-history-title">变更历史</h3>
      <ol className="pair-history" data-testid="pair-history">
        {history.map((h) => (
          <li key={h.id}>
            <span className="muted small">{formatDateTime(h.at)} · {h.by ?? '系统自动记录'}</span>
            <span>
              {h.from === null ? `建立对接：${STAGE_LABELS[h.to]}`
                : h.from === h.to ? `更新：${STAGE_LABELS[h.to]}` : `${STAGE_LABELS[h.from]} → ${STAGE_LABELS[h.to]}`}
              {h.to === 'INTENTION' && h.intendedAmountFen !== null ? ` · 意向 ${formatAmount(h.intendedAmountFen)}` : ''}
              {h.to === 'SIGNED' && h.signedAmountFen !== null ? ` · 签约 ${formatAmount(h.signedAmountFen)}` : ''}
            </span>
            {h.reason && <span className="small">原因：{h.reason}</span>}
            {h.note && <span className="small">备注：{h.note}</span>}
          </li>
        ))}
      </ol>
    </div>
  );
}
