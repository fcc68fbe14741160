import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { isApiError } from '../../../api/errors';
import { LIVE_STATUS_LABELS, merchantLiveApi } from '../../../api/live';
import type { LiveSessionCard } from '../../../api/live';
import { FormAlert } from '../../../components/Field';
import { formatDateTime } from '../../../lib/format';
import { usePageTitle } from '../../../lib/usePageTitle';
import { ReplayEditor } from './ReplayEditor';
import { ScheduleForm } from './ScheduleForm';
import { SuspendedBanner } from '../SuspendedBanner';

/** /merchant/live — the merchant's sessions, newest first, and scheduling a new one. */
export function MerchantLiveListPage() {
  usePageTitle('直播管理');
  const navigate = useNavigate();
  const [items, setItems] = useState<LiveSessionCard[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [creating, setCreating] = useState(false);

  const load = useCallback(async (after: string | null) => {
    setLoading(true);
    setError(null);
    try {
      const page = await merchantLiveApi.list(after);
      setItems((prev) => (after ? [...prev, ...page.items] : page.items));
      setNext(page.next);
    } catch (e) {
      setError(isApiError(e) ? e.detail : '加载失败');
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void load(null);
  }, [load]);

  return (
    <section className="container page merchant-live" data-testid="merchant-live">
      <div className="page-head">
        <h1>直播管理</h1>
        {!creating && (
          <button type="button" className="btn btn-primary" onClick={() => setCreating(true)} data-testid="new-session">
            新建直播
          </button>
        )}
      </div>
      <SuspendedBanner />
      {creating && <ScheduleForm onSaved={(s) => navigate(`/merchant/live/${s.id}`)} onCancel={() => setCreating(false)} />}
      <FormAlert message={error} />
      {!loading && !error && items.length === 0 && <p className="muted">还没有直播场次。</p>}
      <ul className="console-list">
        {items.map((s) => (
          <li key={s.id} className="console-row" data-testid="console-session">
            <Link to={`/merchant/live/${s.id}`} className="console-title">
              {s.title}
            </Link>
            <span className={`status-chip status-${s.status.toLowerCase()}`}>{LIVE_STATUS_LABELS[s.status]}</span>
            <span className="muted small">
              {formatDateTime(s.startsAt)} · {s.productCount} 件商品 · {s.reminderCount} 人预约
            </span>
            {s.status === 'ENDED' && <ReplayEditor sessionId={s.id} />}
          </li>
        ))}
      </ul>
      <div className="list-footer">
        {loading && <span className="muted">加载中…</span>}
        {!loading && next && (
          <button type="button" className="btn btn-ghost" onClick={() => load(next)}>
            加载更多
          </button>
        )}
      </div>
    </section>
  );
}
