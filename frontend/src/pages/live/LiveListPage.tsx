import { useCallback, useState } from 'react';
import { useLocation } from 'react-router-dom';
import { isApiError } from '../../api/errors';
import { liveApi } from '../../api/live';
import type { LiveSessionCard } from '../../api/live';
import { useAuth } from '../../auth/AuthProvider';
import { FormAlert } from '../../components/Field';
import { Toast, useToast } from '../../components/Toast';
import { usePageTitle } from '../../lib/usePageTitle';
import { useNow } from './countdown';
import { PastSessions } from './PastSessions';
import { ScheduleCard } from './ScheduleCard';
import { usePagedList } from '../../lib/usePagedList';

const PAGE_SIZE = 20;

/** /live — the public schedule: sessions live now and upcoming, by start time, with countdowns and 提醒我. */
export function LiveListPage() {
  usePageTitle('直播展厅');
  const { user } = useAuth();
  const location = useLocation();
  const now = useNow(1000);
  const [busy, setBusy] = useState<number | null>(null);
  const [toast, showToast] = useToast();

  const fetchPage = useCallback(
    (after: string | null) => liveApi.schedule(after, PAGE_SIZE),
    [user?.id],
  );
  const { items, next, loading, error, load, setItems } = usePagedList<LiveSessionCard>(fetchPage);

  const toggle = async (s: LiveSessionCard) => {
    setBusy(s.id);
    try {
      const state = s.reminded ? await liveApi.forget(s.id) : await liveApi.remind(s.id);
      setItems((list) =>
        list.map((x) => (x.id === s.id ? { ...x, reminded: state.reminded, reminderCount: state.reminderCount } : x)),
      );
      showToast(state.reminded ? '已预约，开播时会通知你' : '已取消提醒');
    } catch (e) {
      showToast(isApiError(e) ? e.detail : '操作失败，请稍后再试');
    } finally {
      setBusy(null);
    }
  };

  const loginHref = `/login?next=${encodeURIComponent(location.pathname)}`;

  return (
    <section className="container page live-schedule" data-testid="live-schedule">
      <h1>直播展厅</h1>
      <p className="lead muted">名优新特、文创、非遗与旅游纪念产品的直播带货：实时讲解，边看边买。</p>
      <FormAlert message={error} />
      {!loading && !error && items.length === 0 && (
        <p className="muted" data-testid="schedule-empty">
          暂无直播排期，敬请期待。
        </p>
      )}
      <ul className="schedule-list">
        {items.map((s) => (
          <ScheduleCard
            key={s.id}
            session={s}
            now={now}
            onToggleReminder={user ? toggle : undefined}
            busy={busy === s.id}
            loginHref={loginHref}
          />
        ))}
      </ul>
      <div className="list-footer">
        {loading && <span className="muted">加载中…</span>}
        {!loading && next && (
          <button type="button" className="btn btn-ghost" onClick={() => load(next)} data-testid="load-more">
            加载更多
          </button>
        )}
      </div>
      <PastSessions />
      <Toast message={toast} />
    </section>
  );
}
