import { useCallback, useEffect, useRef, useState } from 'react';
import { reviewApi } from '../../api/merchant';
import type { ApplicationStatus, MerchantApplication, SelectionRound } from '../../api/merchant';
import { isApiError } from '../../api/errors';
import { FormAlert } from '../../components/Field';
import { formatDateTime } from '../../lib/format';
import { CATEGORY_LABELS, STATUS_LABELS } from '../merchant/labels';
import { StatusBadge } from '../merchant/StatusBadge';
import { ApplicationDetail } from './ApplicationDetail';
import { QuotaBar } from './QuotaBar';

const FILTERS: Array<{ value: ApplicationStatus | ''; label: string }> = [
  { value: 'SUBMITTED', label: STATUS_LABELS.SUBMITTED },
  { value: 'CHANGES_REQUESTED', label: STATUS_LABELS.CHANGES_REQUESTED },
  { value: 'APPROVED', label: STATUS_LABELS.APPROVED },
  { value: 'REJECTED', label: STATUS_LABELS.REJECTED },
  { value: '', label: '全部' },
];

interface Props {
  round: SelectionRound;
  /** After a decision: the round's figures have changed. */
  onDecided: () => void;
}

/** A round's applications, filtered by status and paged, with the selected one's detail. */
export function ApplicationsPanel({ round, onDecided }: Props) {
  const [status, setStatus] = useState<ApplicationStatus | ''>('SUBMITTED');
  const [items, setItems] = useState<MerchantApplication[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [selected, setSelected] = useState<number | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const generation = useRef(0);

  const load = useCallback(async (after: string | null) => {
    const gen = ++generation.current;
    setLoading(true);
    setError(null);
    try {
      const page = await reviewApi.list(round.id, { status, after, limit: 20 });
      if (gen !== generation.current) return;
      setItems((prev) => (after ? [...prev, ...page.items] : page.items));
      setNext(page.next);
    } catch (e) {
      if (gen === generation.current) setError(isApiError(e) ? e.detail : '加载失败');
    } finally {
      if (gen === generation.current) setLoading(false);
    }
  }, [round.id, status]);

  useEffect(() => {
    setSelected(null);
    void load(null);
  }, [load]);

  const decided = (updated: MerchantApplication) => {
    setItems((list) => list.map((a) => (a.id === updated.id ? updated : a)));
    onDecided();
  };
  const current = items.find((a) => a.id === selected) ?? null;

  return (
    <section className="applications-panel" aria-labelledby="apps-title" data-testid="applications-panel">
      <div className="panel-head">
        <div>
          <h2 id="apps-title">{round.name} · 入驻申请</h2>
          <p className="muted small" data-testid="round-figures">
            收到申请 {round.received} · 待审核 {round.pending}
          </p>
        </div>
        <QuotaBar approved={round.approved} quota={round.quota} />
      </div>
      <div className="filter-tabs" role="group" aria-label="按状态筛选">
        {FILTERS.map((f) => (
          <button key={f.value || 'all'} type="button" aria-pressed={status === f.value}
            className={`btn btn-sm ${status === f.value ? 'btn-primary' : 'btn-ghost'}`}
            onClick={() => setStatus(f.value)}>
            {f.label}
          </button>
        ))}
      </div>
      <FormAlert message={error} />
      {!loading && items.length === 0 && !error && <p className="muted">没有符合条件的申请。</p>}
      {items.length > 0 && (
        <div className="table-wrap">
          <table className="data-table">
            <thead>
              <tr>
                <th>企业</th>
                <th>统一社会信用代码</th>
                <th>类别</th>
                <th>状态</th>
                <th>提交时间</th>
              </tr>
            </thead>
            <tbody>
              {items.map((a) => (
                <tr key={a.id} className={a.id === selected ? 'selected' : undefined} data-testid={`row-${a.id}`}>
                  <td>
                    <button type="button" className="link-button" onClick={() => setSelected(a.id)}>
                      {a.enterprise.name}
                    </button>
                  </td>
                  <td className="mono">{a.enterprise.creditCode}</td>
                  <td>{CATEGORY_LABELS[a.category]}</td>
                  <td>
                    <StatusBadge status={a.status} />
                  </td>
                  <td>{formatDateTime(a.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="list-footer">
        {loading && <span className="muted">加载中…</span>}
        {!loading && next && (
          <button type="button" className="btn btn-ghost" onClick={() => load(next)} data-testid="load-more">
            加载更多
          </button>
        )}
      </div>
      {current && (
        <ApplicationDetail application={current} quotaLeft={round.quotaLeft} onDecided={decided}
          onClose={() => setSelected(null)} />
      )}
    </section>
  );
}
