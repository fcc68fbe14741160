import { useCallback, useEffect, useState } from 'react';
import { isApiError } from '../../../api/errors';
import { organiserFairApi } from '../../../api/fairScreening';
import type { FairKind, ParticipantRole, ParticipantRow, ParticipantStatus, ScreeningCounts } from '../../../api/fairScreening';
import { FormAlert } from '../../../components/Field';
import { formatDateTime } from '../../../lib/format';
import { SIZE_LABELS, TIER_LABELS } from '../../../lib/labels';
import { usePagedList } from '../../../lib/usePagedList';
import { ROLE_LABELS, STATUS_LABELS, formatRange, rolesFor } from '../fairLabels';

const STATUSES: ParticipantStatus[] = ['PENDING', 'NEEDS_INFO', 'APPROVED', 'REJECTED', 'WITHDRAWN'];

/** Which decisions a registration in this status allows. */
export function decisionsFor(status: ParticipantStatus): Array<'approve' | 'needsInfo' | 'reject'> {
  switch (status) {
    case 'PENDING':
      return ['approve', 'needsInfo', 'reject'];
    case 'NEEDS_INFO':
      return ['reject'];
    case 'APPROVED':
      return ['reject'];
    default:
      return [];
  }
}

interface Props {
  fairId: number;
  kind: FairKind;
  /** decisions are closed on a cancelled fair */
  readOnly?: boolean;
}

/** The organisers' screening queue (摸底): counts per status as filters, role and name filters, decisions with reasons. */
export function ScreeningQueue({ fairId, kind, readOnly }: Props) {
  const [status, setStatus] = useState<ParticipantStatus | ''>('PENDING');
  const [role, setRole] = useState<ParticipantRole | ''>('');
  const [qInput, setQInput] = useState('');
  const [q, setQ] = useState('');
  const [counts, setCounts] = useState<ScreeningCounts | null>(null);
  const [asking, setAsking] = useState<{ id: number; action: 'needsInfo' | 'reject' } | null>(null);
  const [reason, setReason] = useState('');
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const fetchPage = useCallback((after: string | null) => organiserFairApi.queue(fairId, { status, role, q }, after),
    [fairId, status, role, q]);
  const list = usePagedList(fetchPage);
  const refreshCounts = useCallback(() => {
    organiserFairApi.counts(fairId).then(setCounts).catch(() => undefined);
  }, [fairId]);
  useEffect(refreshCounts, [refreshCounts]);

  const decide = async (row: ParticipantRow, action: 'approve' | 'needsInfo' | 'reject') => {
    if (action !== 'approve' && !reason.trim()) {
      setAlert(action === 'reject' ? '请填写未通过的原因' : '请填写需要补充的资料');
      return;
    }
    setBusy(true);
    setAlert(null);
    try {
      const d = action === 'approve' ? await organiserFairApi.approve(row.id)
        : action === 'reject' ? await organiserFairApi.reject(row.id, reason.trim())
          : await organiserFairApi.needsInfo(row.id, reason.trim());
      list.setItems((items) => items.map((r) => (r.id === row.id ? d.participant : r)));
      setAsking(null);
      setReason('');
      refreshCounts();
    } catch (e) {
      setAlert(isApiError(e) ? e.detail : '操作失败');
    } finally {
      setBusy(false);
    }
  };

  const exportCsv = () => organiserFairApi.exportCsv(fairId).catch((e: unknown) => setAlert(isApiError(e) ? e.detail : '导出失败'));

  return (
    <div className="card" data-testid="screening-queue">
      <h2>报名审核</h2>
      {counts && (
        <p className="small" data-testid="screening-capacity">已通过 {counts.approved} / 名额 {counts.capacity} 家</p>
      )}
      <div className="chips fair-counts" role="group" aria-label="按状态筛选">
        <button type="button" className={`chip${status === '' ? ' chip-active' : ''}`} onClick={() => setStatus('')}>全部</button>
        {STATUSES.map((s) => (
          <button key={s} type="button" className={`chip${status === s ? ' chip-active' : ''}`} onClick={() => setStatus(s)}
            data-testid={`count-${s}`}>
            {STATUS_LABELS[s]} {counts?.byStatus[s] ?? 0}
          </button>
        ))}
      </div>
      <form className="fair-filters" onSubmit={(e) => { e.preventDefault(); setQ(qInput.trim()); }}>
        <select aria-label="参会身份" value={role} onChange={(e) => setRole(e.target.value as ParticipantRole | '')}>
          <option value="">全部身份</option>
          {rolesFor(kind).map((r) => <option key={r} value={r}>{ROLE_LABELS[r]}</option>)}
        </select>
        <input type="search" aria-label="企业名称" placeholder="搜索企业名称" maxLength={50} value={qInput}
          onChange={(e) => setQInput(e.target.value)} onBlur={() => setQ(qInput.trim())} />
        <button type="button" className="btn btn-ghost btn-sm" onClick={() => void exportCsv()} data-testid="export-csv">导出 CSV</button>
      </form>
      <FormAlert message={alert ?? list.error} />
      {!list.loading && list.items.length === 0 && <p className="muted">没有符合条件的报名。</p>}
      <ul className="fair-list">
        {list.items.map((r) => (
          <li key={r.id} className="fair-card fair-queue-row" data-testid="queue-row">
            <strong>{r.enterpriseName}</strong>
            <p className="fair-tags">
              <span className={`fair-status fair-status-${r.status}`}>{STATUS_LABELS[r.status]}</span>
              <span className="fair-tag fair-tag-kind">{ROLE_LABELS[r.role]}</span>
              <span className="fair-tag">{SIZE_LABELS[r.size]}</span>
              {r.tier !== 'NONE' && <span className="fair-tag">{TIER_LABELS[r.tier]}</span>}
              {r.invited && <span className="fair-tag">受邀</span>}
            </p>
            <p className="small muted">{r.creditCode} · {r.region} · {r.industry}</p>
            {r.offers && <p className="small">可提供：{r.offers}</p>}
            {r.needs && <p className="small">需求：{r.needs}</p>}
            {formatRange(r.amountMinFen, r.amountMaxFen) && <p className="small">金额：{formatRange(r.amountMinFen, r.amountMaxFen)}</p>}
            {r.certifications.length > 0 && <p className="small">资质：{r.certifications.join('、')}</p>}
            <p className="small muted">联系人：{r.contactName ?? '—'} · {r.contactPhone ?? '—'} · 报名于 {formatDateTime(r.createdAt)}</p>
            {r.reason && <p className="small">原因：{r.reason}</p>}
            {!readOnly && decisionsFor(r.status).length > 0 && (
              <div className="fair-actions">
                {decisionsFor(r.status).map((a) => (
                  <button key={a} type="button" disabled={busy} data-testid={`decide-${a}`}
                    className={`btn btn-sm ${a === 'approve' ? 'btn-primary' : 'btn-ghost'}`}
                    onClick={() => (a === 'approve' ? void decide(r, a) : (setAsking({ id: r.id, action: a }), setReason('')))}>
                    {a === 'approve' ? '通过' : a === 'reject' ? '不通过' : '要求补充'}
                  </button>
                ))}
              </div>
            )}
            {asking?.id === r.id && (
              <div className="fair-actions">
                <label className="sr-only" htmlFor={`reason-${r.id}`}>原因</label>
                <textarea id={`reason-${r.id}`} rows={2} maxLength={500} value={reason} style={{ flex: '1 1 100%' }}
                  placeholder={asking.action === 'reject' ? '未通过的原因（企业可见）' : '需要补充的资料（企业可见）'}
                  onChange={(e) => setReason(e.target.value)} data-testid="decision-reason" />
                <button type="button" className="btn btn-primary btn-sm" disabled={busy} onClick={() => void decide(r, asking.action)}
                  data-testid="decision-confirm">确定</button>
                <button type="button" className="btn btn-ghost btn-sm" onClick={() => setAsking(null)}>取消</button>
              </div>
            )}
          </li>
        ))}
      </ul>
      {list.next && (
        <p><button type="button" className="btn btn-ghost" disabled={list.loading} onClick={() => void list.load(list.next)}>
          {list.loading ? '加载中…' : '加载更多'}
        </button></p>
      )}
    </div>
  );
}
