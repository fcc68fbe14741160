import { useCallback, useEffect, useState } from 'react';
import { merchantsApi } from '../../api/merchant';
import type { MerchantStatus, MerchantSummary } from '../../api/merchant';
import { isApiError } from '../../api/errors';
import { ConfirmDialog } from '../../components/Dialog';
import { FormAlert } from '../../components/Field';
import { formatDateTime } from '../../lib/format';
import { MERCHANT_STATUS_LABELS } from '../merchant/labels';

/** Merchants, newest first, with suspend / reactivate and how many sessions each may have live at once. */
export function MerchantsPanel() {
  const [items, setItems] = useState<MerchantSummary[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<number | null>(null);

  const load = useCallback(async (after: string | null) => {
    try {
      const page = await merchantsApi.list({ after, limit: 20 });
      setItems((prev) => (after ? [...prev, ...page.items] : page.items));
      setNext(page.next);
    } catch (e) {
      setError(isApiError(e) ? e.detail : '加载失败');
    }
  }, []);

  useEffect(() => {
    void load(null);
  }, [load]);

  const [suspending, setSuspending] = useState<MerchantSummary | null>(null);

  const setStatus = async (m: MerchantSummary, status: MerchantStatus) => {
    setBusy(m.id);
    setError(null);
    try {
      const updated = await merchantsApi.setStatus(m.id, status);
      setItems((list) => list.map((x) => (x.id === updated.id ? updated : x)));
    } catch (e) {
      setError(isApiError(e) ? e.detail : '操作失败');
    } finally {
      setBusy(null);
    }
  };

  const toggle = (m: MerchantSummary) => {
    if (m.status === 'ACTIVE') setSuspending(m);
    else void setStatus(m, 'ACTIVE');
  };

  const setAllowance = async (m: MerchantSummary, liveAllowance: number) => {
    setBusy(m.id);
    setError(null);
    try {
      const updated = await merchantsApi.setLiveAllowance(m.id, liveAllowance);
      setItems((list) => list.map((x) => (x.id === updated.id ? updated : x)));
    } catch (e) {
      setError(isApiError(e) ? e.detail : '操作失败');
    } finally {
      setBusy(null);
    }
  };

  return (
    <section aria-labelledby="merchants-title" data-testid="merchants-panel">
      <h2 id="merchants-title">入驻商家</h2>
      <FormAlert message={error} />
      {items.length === 0 && <p className="muted">还没有入驻商家。</p>}
      <ul className="plain-list">
        {items.map((m) => (
          <li key={m.id} className="card merchant-row" data-testid={`merchant-${m.id}`}>
            <div>
              <strong>{m.displayName}</strong>
              <div className="muted small">
                <span className="mono">{m.enterprise.creditCode}</span> · 入驻于 {formatDateTime(m.createdAt)}
              </div>
              <div className="small">
                {MERCHANT_STATUS_LABELS[m.status]} · {m.agreementsAccepted ? '协议已签署' : '协议待签署'}
              </div>
            </div>
            <div className="merchant-row-actions">
              <label className="small merchant-allowance">
                同时开播
                <select value={m.liveAllowance ?? 1} disabled={busy === m.id} aria-label={`「${m.displayName}」可同时开播场次`}
                  onChange={(e) => void setAllowance(m, Number(e.target.value))} data-testid="live-allowance">
                  {Array.from({ length: 10 }, (_, i) => i + 1).map((n) => <option key={n} value={n}>{n} 场</option>)}
                </select>
              </label>
              <button type="button" className={`btn btn-sm ${m.status === 'ACTIVE' ? 'btn-ghost danger' : 'btn-primary'}`}
                disabled={busy === m.id} onClick={() => toggle(m)}>
                {m.status === 'ACTIVE' ? '暂停' : '恢复'}
              </button>
            </div>
          </li>
        ))}
      </ul>
      {suspending && (
        <ConfirmDialog
          title={`暂停「${suspending.displayName}」`}
          message="暂停后该商家不能上架、开播、接单和报价，正在进行的直播和秒杀立即结束，未付款订单自动取消；已付款订单仍可发货。"
          confirmLabel="暂停商家"
          danger
          onCancel={() => setSuspending(null)}
          onConfirm={() => {
            const m = suspending;
            setSuspending(null);
            void setStatus(m, 'SUSPENDED');
          }}
        />
      )}
      {next && (
        <button type="button" className="btn btn-ghost" onClick={() => load(next)}>
          加载更多
        </button>
      )}
    </section>
  );
}
