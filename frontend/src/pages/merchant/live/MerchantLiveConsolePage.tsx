import { useEffect, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { isApiError } from '../../../api/errors';
import { fileUrl, LIVE_STATUS_LABELS, merchantLiveApi } from '../../../api/live';
import type { LiveSessionDetail, PinnedProduct } from '../../../api/live';
import type { Viewers } from '../../../api/types';
import { FormAlert } from '../../../components/Field';
import { Toast, useToast } from '../../../components/Toast';
import { formatCount, formatDateTime, formatFen } from '../../../lib/format';
import { usePageTitle } from '../../../lib/usePageTitle';
import { useLatest } from '../../../realtime/useTopic';
import { liveTopics } from '../../live/liveTopics';
import { MerchantCommerceSlot } from './MerchantCommerceSlot';
import { ScheduleForm } from './ScheduleForm';
import { SuspendedBanner } from '../SuspendedBanner';
import { ProductMonogram } from '../../catalogue/ProductMonogram';

const minutes = (s: number) => (s < 60 ? `${s} 秒` : `${formatCount(Math.round(s / 60))} 分钟`);

/** /merchant/live/:id — 开播 / 下播, pin lineup products, viewers now and peak live; edit or cancel while scheduled. */
export function MerchantLiveConsolePage() {
  const { id = '' } = useParams();
  const sessionId = Number(id);
  const [session, setSession] = useState<LiveSessionDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [toast, showToast] = useToast();
  usePageTitle(session ? `直播控制台 · ${session.title}` : '直播控制台');
  const topics = useMemo(() => liveTopics(id), [id]);
  const viewers = useLatest<Viewers>(session?.status === 'LIVE' ? topics.viewers : null);
  const pinnedLive = useLatest<PinnedProduct | null>(session?.status === 'LIVE' ? topics.pinned : null);

  useEffect(() => {
    const ctl = new AbortController();
    merchantLiveApi
      .get(sessionId, ctl.signal)
      .then(setSession)
      .catch((e: unknown) => !ctl.signal.aborted && setError(isApiError(e) ? e.detail : '加载失败'));
    return () => ctl.abort();
  }, [sessionId]);

  const act = async (run: () => Promise<LiveSessionDetail | void>, done: string) => {
    setBusy(true);
    try {
      const updated = await run();
      if (updated) setSession(updated);
      showToast(done);
    } catch (e) {
      showToast(isApiError(e) ? e.detail : '操作失败，请稍后再试');
    } finally {
      setBusy(false);
    }
  };

  if (!session) {
    return (
      <section className="container page" data-testid="live-console">
        <h1>直播控制台</h1>
        {error ? <FormAlert message={error} /> : <p className="muted">加载中…</p>}
      </section>
    );
  }

  const s = session;
  const live = s.status === 'LIVE';
  const pinnedId = live ? (pinnedLive !== undefined ? (pinnedLive?.productId ?? null) : (s.pinned?.productId ?? null)) : null;
  const now = live ? (viewers?.now ?? s.viewers.now) : null;
  const peak = live ? (viewers?.peak ?? s.viewers.peak) : s.viewers.peak;

  const pin = (productId: number) =>
    act(async () => {
      const pinned = await merchantLiveApi.pin(s.id, productId);
      setSession((x) => x && { ...x, pinned });
    }, '已置顶讲解');
  const unpin = () =>
    act(async () => {
      await merchantLiveApi.unpin(s.id);
      setSession((x) => x && { ...x, pinned: null });
    }, '已取消置顶');

  return (
    <section className="container page live-console" data-testid="live-console" data-status={s.status}>
      <p className="muted small">
        <Link to="/merchant/live">← 直播管理</Link>
      </p>
      <div className="page-head">
        <h1>{s.title}</h1>
        <span className={`status-chip status-${s.status.toLowerCase()}`} data-testid="console-status">
          {LIVE_STATUS_LABELS[s.status]}
        </span>
      </div>
      <p className="muted small">
        {formatDateTime(s.startsAt)} 开播 · {s.reminderCount} 人预约 · <Link to={`/live/${s.id}`}>打开直播间</Link>
      </p>
      <SuspendedBanner />

      <div className="console-figures" data-testid="console-figures">
        <div className="figure">
          <span className="figure-value" data-testid="figure-now">{now === null ? '—' : formatCount(now)}</span>
          <span className="figure-label">当前在线</span>
        </div>
        <div className="figure">
          <span className="figure-value" data-testid="figure-peak">{formatCount(peak)}</span>
          <span className="figure-label">峰值在线</span>
        </div>
        {s.status === 'ENDED' && (
          <>
            <div className="figure">
              <span className="figure-value">{formatCount(s.viewers.unique)}</span>
              <span className="figure-label">观看人数</span>
            </div>
            <div className="figure">
              <span className="figure-value">{minutes(s.viewers.watchSeconds)}</span>
              <span className="figure-label">累计观看时长</span>
            </div>
          </>
        )}
      </div>

      <div className="console-actions">
        {s.status === 'SCHEDULED' && (
          <>
            <button type="button" className="btn btn-primary" disabled={busy} onClick={() => act(() => merchantLiveApi.start(s.id), '已开播')} data-testid="go-live">
              开播
            </button>
            <button type="button" className="btn btn-ghost" disabled={busy} onClick={() => setEditing((x) => !x)}>
              修改
            </button>
            <button
              type="button"
              className="btn btn-ghost"
              disabled={busy}
              onClick={() => window.confirm('确定取消这场直播吗？') && act(() => merchantLiveApi.cancel(s.id), '已取消直播')}
            >
              取消直播
            </button>
          </>
        )}
        {live && (
          <button
            type="button"
            className="btn btn-primary"
            disabled={busy}
            onClick={() => window.confirm('确定下播吗？下播后不能再次开播。') && act(() => merchantLiveApi.end(s.id), '已下播')}
            data-testid="end-live"
          >
            下播
          </button>
        )}
      </div>

      {editing && s.status === 'SCHEDULED' && (
        <ScheduleForm session={s} onSaved={(x) => (setSession(x), setEditing(false))} onCancel={() => setEditing(false)} />
      )}

      {live && <MerchantCommerceSlot session={s} />}

      <h2>本场商品</h2>
      {s.lineup.length === 0 && <p className="muted">本场没有商品。</p>}
      <ol className="console-lineup">
        {s.lineup.map((p) => (
          <li key={p.productId} className={p.productId === pinnedId ? 'console-product pinned' : 'console-product'} data-testid="console-product">
            {p.coverFileId ? <img src={fileUrl(p.coverFileId)} alt="" width={48} height={48} /> : <span className="console-thumb"><ProductMonogram name={p.name} compact /></span>}
            <span className="console-product-name">
              {p.name} <span className="muted small">{formatFen(p.priceFen)}</span>
            </span>
            {live &&
              (p.productId === pinnedId ? (
                <button type="button" className="btn btn-ghost btn-sm" disabled={busy} onClick={unpin} data-testid="unpin">
                  取消置顶
                </button>
              ) : (
                <button type="button" className="btn btn-gold btn-sm" disabled={busy || !p.onSale} onClick={() => pin(p.productId)} data-testid="pin">
                  置顶讲解
                </button>
              ))}
          </li>
        ))}
      </ol>
      <Toast message={toast} />
    </section>
  );
}
