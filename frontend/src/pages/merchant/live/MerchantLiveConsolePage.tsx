import { useEffect, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { isApiError } from '../../../api/errors';
import { chatModerationApi, LIVE_STATUS_LABELS, merchantLiveApi } from '../../../api/live';
import type { ChatMute, LiveSessionDetail, PinnedProduct } from '../../../api/live';
import type { Viewers } from '../../../api/types';
import { ConfirmDialog } from '../../../components/Dialog';
import { FormAlert } from '../../../components/Field';
import { Toast, useToast } from '../../../components/Toast';
import { formatCount, formatDateTime } from '../../../lib/format';
import { usePageTitle } from '../../../lib/usePageTitle';
import { realtimeErrorText } from '../../../realtime/errors';
import { useLatest, useRealtime, useRealtimeErrors } from '../../../realtime/useTopic';
import { ChatPanel } from '../../../components/chat/ChatPanel';
import { LivePlayer } from '../../live/LivePlayer';
import { liveTopics } from '../../live/liveTopics';
import { SuspendedBanner } from '../SuspendedBanner';
import { ConsoleLineup } from './ConsoleLineup';
import { MerchantCommerceSlot } from './MerchantCommerceSlot';
import { ScheduleForm } from './ScheduleForm';

const minutes = (s: number) => (s < 60 ? `${s} 秒` : `${formatCount(Math.round(s / 60))} 分钟`);

type Confirming = 'cancel' | 'end' | null;

/**
 * /merchant/live/:id — the console. Wide screens: three columns (stream preview, 开播/下播, figures, sales and the
 * flash deal | the lineup in the merchant's order with pin and move buttons | chat with moderation); tablets two,
 * phones one. The console's own connection is not counted as a viewer (the server skips the session's staff).
 */
export function MerchantLiveConsolePage() {
  const { id = '' } = useParams();
  const sessionId = Number(id);
  const rt = useRealtime();
  const [session, setSession] = useState<LiveSessionDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState<Confirming>(null);
  const [mutes, setMutes] = useState<ChatMute[]>([]);
  const [toast, showToast] = useToast();
  usePageTitle(session ? `直播控制台 · ${session.title}` : '直播控制台');
  const topics = useMemo(() => liveTopics(id), [id]);
  const live = session?.status === 'LIVE';
  const viewers = useLatest<Viewers>(live ? topics.viewers : null);
  const pinnedLive = useLatest<PinnedProduct | null>(live ? topics.pinned : null);
  useRealtimeErrors((e) => showToast(realtimeErrorText(e)));

  useEffect(() => {
    const ctl = new AbortController();
    merchantLiveApi
      .get(sessionId, ctl.signal)
      .then(setSession)
      .catch((e: unknown) => !ctl.signal.aborted && setError(isApiError(e) ? e.detail : '加载失败'));
    return () => ctl.abort();
  }, [sessionId]);

  useEffect(() => {
    if (!live) return;
    const ctl = new AbortController();
    chatModerationApi.mutes(sessionId, ctl.signal).then(setMutes, () => undefined);
    return () => ctl.abort();
  }, [sessionId, live]);

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
  const reorder = (productIds: number[]) =>
    act(async () => {
      const updated = await merchantLiveApi.reorder(s.id, productIds);
      // keep the live pinned product: the answer may predate the topic's latest value
      setSession((x) => x && { ...updated, pinned: x.pinned });
    }, '已调整商品顺序');

  const sendChat = (text: string) => {
    const ok = rt.send(topics.sendChat, { text });
    if (!ok) showToast('实时连接未就绪，请稍后再试');
    return ok;
  };
  const moderate = async (run: () => Promise<unknown>, done: string) => {
    try {
      await run();
      showToast(done);
    } catch (e) {
      showToast(isApiError(e) ? e.detail : '操作失败，请稍后再试');
    }
  };
  const mutedIds = new Set(mutes.map((m) => String(m.userId)));

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

      <div className="console-grid">
        <div className="console-col console-stage" data-testid="console-stage">
          <div className="console-preview">
            <LivePlayer status={s.status} streamUrl={s.streamUrl} streamKind={s.streamKind} coverFileId={s.coverFileId} startsAt={s.startsAt} />
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
                <button type="button" className="btn btn-ghost" disabled={busy} onClick={() => setConfirming('cancel')} data-testid="cancel-live">
                  取消直播
                </button>
              </>
            )}
            {live && (
              <button type="button" className="btn btn-primary" disabled={busy} onClick={() => setConfirming('end')} data-testid="end-live">
                下播
              </button>
            )}
          </div>
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
          {editing && s.status === 'SCHEDULED' && (
            <ScheduleForm session={s} onSaved={(x) => (setSession(x), setEditing(false))} onCancel={() => setEditing(false)} />
          )}
          {live && <MerchantCommerceSlot session={s} />}
        </div>

        <div className="console-col console-lineup-col" data-testid="console-lineup">
          <h2>本场商品</h2>
          <ConsoleLineup
            lineup={s.lineup}
            pinnedId={pinnedId}
            live={live}
            editable={live || s.status === 'SCHEDULED'}
            busy={busy}
            onPin={pin}
            onUnpin={unpin}
            onReorder={reorder}
          />
        </div>

        <div className="console-col console-chat-col" data-testid="console-chat">
          <h2>聊天管理</h2>
          <ChatPanel
            topics={topics}
            onSend={sendChat}
            closed={live ? undefined : s.status === 'SCHEDULED' ? '开播后观众可以发言' : '直播已结束，聊天已关闭'}
            moderation={
              live
                ? (m) => (
                    <>
                      <button type="button" className="btn-link" onClick={() => moderate(() => chatModerationApi.hide(s.id, m.id), '已隐藏该发言')} data-testid="hide-message">
                        隐藏
                      </button>
                      {mutedIds.has(m.userId) ? (
                        <span className="muted small">已禁言</span>
                      ) : (
                        <button
                          type="button"
                          className="btn-link"
                          onClick={() =>
                            moderate(async () => {
                              const muted = await chatModerationApi.mute(s.id, m.userId);
                              setMutes((list) => [...list.filter((x) => x.userId !== muted.userId), muted]);
                            }, `已禁言「${m.name}」`)
                          }
                          data-testid="mute-user"
                        >
                          禁言
                        </button>
                      )}
                    </>
                  )
                : undefined
            }
          />
          {mutes.length > 0 && (
            <div className="console-mutes" data-testid="console-mutes">
              <h3 className="small">本场已禁言</h3>
              <ul className="plain-list">
                {mutes.map((m) => (
                  <li key={m.userId} className="console-mute">
                    <span>{m.displayName}</span>
                    <button
                      type="button"
                      className="btn btn-ghost btn-sm"
                      onClick={() =>
                        moderate(async () => {
                          await chatModerationApi.unmute(s.id, m.userId);
                          setMutes((list) => list.filter((x) => x.userId !== m.userId));
                        }, `已解除「${m.displayName}」的禁言`)
                      }
                    >
                      解除禁言
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          )}
        </div>
      </div>

      {confirming === 'cancel' && (
        <ConfirmDialog
          title="取消直播"
          message="确定取消这场直播吗？预约的观众将看到直播已取消。"
          confirmLabel="取消直播"
          danger
          busy={busy}
          onCancel={() => setConfirming(null)}
          onConfirm={() => {
            setConfirming(null);
            void act(() => merchantLiveApi.cancel(s.id), '已取消直播');
          }}
        />
      )}
      {confirming === 'end' && (
        <ConfirmDialog
          title="下播"
          message="确定下播吗？下播后不能再次开播，本场的观看数据将被保存。"
          confirmLabel="确认下播"
          busy={busy}
          onCancel={() => setConfirming(null)}
          onConfirm={() => {
            setConfirming(null);
            void act(() => merchantLiveApi.end(s.id), '已下播');
          }}
        />
      )}
      <Toast message={toast} />
    </section>
  );
}
