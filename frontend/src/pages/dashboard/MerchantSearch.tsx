import { useEffect, useId, useState } from 'react';
import { dashboardApi } from '../../api/dashboard';
import type { DashboardScope } from '../../api/dashboard';
import { dashboardErrorText } from './dashboard';
import './merchantSearch.css';

/** How long typing must pause before the merchants are asked for. */
export const SEARCH_DELAY_MS = 300;

/**
 * 按商家查看: organisers and admins pick one showcase merchant's dashboard (`merchant-{id}`) by name; the server
 * answers the first 50 matches, live ones first, so a long list of merchants is searched, never scrolled.
 */
export function MerchantSearch({ onPick }: { onPick: (merchant: DashboardScope) => void }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [q, setQ] = useState('');
  const [found, setFound] = useState<DashboardScope[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    const ctl = new AbortController();
    const timer = setTimeout(() => {
      dashboardApi.merchants(q.trim(), ctl.signal)
        .then((list) => { setFound(list); setError(null); })
        .catch((e: unknown) => { if (!ctl.signal.aborted) setError(dashboardErrorText(e)); });
    }, SEARCH_DELAY_MS);
    return () => { clearTimeout(timer); ctl.abort(); };
  }, [open, q]);

  if (!open) {
    return (
      <button type="button" className="btn btn-ghost btn-sm" data-testid="merchant-search-open" onClick={() => setOpen(true)}>
        按商家查看
      </button>
    );
  }
  return (
    <div className="dash-merchants" data-testid="merchant-search">
      <label htmlFor={id} className="sr-only">搜索商家名称</label>
      <input id={id} type="search" value={q} maxLength={50} placeholder="搜索商家名称" autoFocus
        data-testid="merchant-search-input" onChange={(e) => setQ(e.target.value)}
        onKeyDown={(e) => e.key === 'Escape' && setOpen(false)} />
      <button type="button" className="btn btn-ghost btn-sm" onClick={() => setOpen(false)}>关闭</button>
      <div className="dash-merchants-list" role="listbox" aria-label="商家">
        {error && <p className="dash-merchants-note" role="alert">{error}</p>}
        {!error && found === null && <p className="dash-merchants-note">加载中…</p>}
        {!error && found?.length === 0 && <p className="dash-merchants-note" data-testid="merchant-search-empty">没有找到商家</p>}
        {found?.map((m) => (
          <button key={m.scope} type="button" role="option" aria-selected={false} className="dash-merchants-item"
            data-testid={`merchant-option-${m.scope}`}
            onClick={() => { setOpen(false); onPick(m); }}>
            {m.title}{m.live && <span className="dash-merchants-live"> · 直播中</span>}
          </button>
        ))}
      </div>
    </div>
  );
}
