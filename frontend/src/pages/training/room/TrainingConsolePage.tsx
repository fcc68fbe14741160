import { useEffect, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { isApiError } from '../../../api/errors';
import { TRAINING_STATUS_LABELS, organiserTrainingApi } from '../../../api/training';
import type { SessionDetail, TrainingStatusEvent } from '../../../api/training';
import { trainingConsoleApi } from '../../../api/trainingRoom';
import type { Viewers } from '../../../api/types';
import { ChatPanel } from '../../../components/chat/ChatPanel';
import { FormAlert } from '../../../components/Field';
import { Toast, useToast } from '../../../components/Toast';
import { formatCount, formatDateTime } from '../../../lib/format';
import { usePageTitle } from '../../../lib/usePageTitle';
import { trainingDestinations } from '../../../realtime/destinations';
import { useLatest, useRealtime } from '../../../realtime/useTopic';
import { ConsoleCheckIn } from './ConsoleCheckIn';
import { ConsolePolls } from './ConsolePolls';
import { ConsoleQa } from './ConsoleQa';

/**
 * /organiser/training/sessions/:id/console — the organiser runs a live session: start and end it, the live viewer
 * count, Q&A moderation, polls, check-in with its code shown big, chat moderation (hide a line, ban its author from
 * the series' rooms).
 */
export function TrainingConsolePage() {
  const { id = '' } = useParams();
  const sessionId = Number(id);
  const rt = useRealtime();
  const [session, setSession] = useState<SessionDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [toast, showToast] = useToast();
  const topics = useMemo(
    () => ({ chat: trainingDestinations.chat(id), sendChat: trainingDestinations.sendChat(id) }),
    [id],
  );
  const viewers = useLatest<Viewers>(trainingDestinations.viewers(id));
  const statusEvent = useLatest<TrainingStatusEvent>(trainingDestinations.status(id));
  usePageTitle(session ? `控制台 · ${session.title}` : '课程控制台');

  useEffect(() => {
    if (!Number.isSafeInteger(sessionId) || sessionId <= 0) {
      setError('培训课程不存在');
      return;
    }
    const ctl = new AbortController();
    organiserTrainingApi
      .session(sessionId, ctl.signal)
      .then(setSession)
      .catch((e: unknown) => {
        if (!ctl.signal.aborted) setError(isApiError(e) ? e.detail : '加载失败');
      });
    return () => ctl.abort();
  }, [sessionId]);

  const status = statusEvent?.sessionId === sessionId ? statusEvent.status : (session?.status ?? null);
  const live = status === 'LIVE';

  const move = async (action: 'start' | 'end') => {
    setBusy(true);
    try {
      setSession(await (action === 'start' ? organiserTrainingApi.start(sessionId) : organiserTrainingApi.end(sessionId)));
      showToast(action === 'start' ? '已开始直播' : '已结束直播');
    } catch (e) {
      showToast(isApiError(e) ? e.detail : '操作失败');
    } finally {
      setBusy(false);
    }
  };

  const ban = async (userId: number | string, name: string) => {
    if (!window.confirm(`禁止「${name}」在本系列所有课程中提问和发言？`)) return;
    try {
      await trainingConsoleApi.ban(sessionId, userId);
      showToast(`已禁止 ${name} 提问和发言`);
    } catch (e) {
      showToast(isApiError(e) ? e.detail : '操作失败');
    }
  };

  const hide = async (messageId: string) => {
    try {
      await trainingConsoleApi.hideChat(sessionId, messageId);
      showToast('已隐藏该发言');
    } catch (e) {
      showToast(isApiError(e) ? e.detail : '操作失败');
    }
  };

  const sendChat = (text: string) => {
    const ok = rt.send(topics.sendChat, { text });
    if (!ok) showToast('连接中，请稍后再发');
    return ok;
  };

  return (
    <div className="container page training-console" data-testid="training-console" data-status={status ?? 'unknown'}>
      <p className="small">
        {session ? <Link to={`/organiser/training/series/${session.seriesId}`}>← {session.seriesTitle}</Link> : <Link to="/organiser/training">← 培训管理</Link>}
      </p>
      <h1>{session?.title ?? '课程控制台'}</h1>
      <FormAlert message={error} />
      {session && (
        <div className="tc-bar card">
          <span className={`training-status status-${(status ?? 'SCHEDULED').toLowerCase()}`} data-testid="console-status">
            {status ? TRAINING_STATUS_LABELS[status] : '—'}
          </span>
          <span className="small">{formatDateTime(session.startsAt)} · 讲师 {session.lecturer}</span>
          {live && (
            <span className="small" data-testid="console-viewers">
              在线 <strong>{formatCount(viewers?.now ?? session.viewers.now)}</strong> 人 · 峰值 {formatCount(viewers?.peak ?? session.viewers.peak)}
            </span>
          )}
          {status === 'SCHEDULED' && (
            <button type="button" className="btn btn-primary btn-sm" disabled={busy} onClick={() => void move('start')} data-testid="console-start">
              开始直播
            </button>
          )}
          {live && (
            <button type="button" className="btn btn-ghost btn-sm" disabled={busy} onClick={() => void move('end')} data-testid="console-end">
              结束直播
            </button>
          )}
          <Link className="small" to={`/training/sessions/${session.id}`}>观众页面</Link>
        </div>
      )}
      {session && (
        <div className="tc-grid">
          <ConsoleCheckIn sessionId={sessionId} live={live} onMessage={showToast} />
          <ConsolePolls sessionId={sessionId} live={live} onMessage={showToast} />
          <ConsoleQa sessionId={sessionId} onMessage={showToast} onBan={(u, n) => void ban(u, n)} />
          <section className="tc-chat" aria-label="聊天管理" data-testid="console-chat">
            <h2>聊天管理</h2>
            <ChatPanel
              topics={topics}
              onSend={sendChat}
              closed={live ? undefined : '直播中可以聊天'}
              moderation={(m) => (
                <>
                  <button type="button" className="btn-link" onClick={() => void hide(m.id)} data-testid="hide-message">隐藏</button>
                  <button type="button" className="btn-link" onClick={() => void ban(m.userId, m.name)} data-testid="ban-user">禁言</button>
                </>
              )}
            />
          </section>
        </div>
      )}
      <Toast message={toast} />
    </div>
  );
}
