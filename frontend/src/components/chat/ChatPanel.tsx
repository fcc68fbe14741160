import { useLayoutEffect, useRef, useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { Link, useLocation } from 'react-router-dom';
import type { ChatMessage } from '../../api/types';
import { useAuth } from '../../auth/AuthProvider';
import { formatTime } from '../../lib/format';
import { useConnectionStatus } from '../../realtime/connectionStatus';
import type { MessageMeta } from '../../realtime/subscriptions';
import { useRealtimeErrors, useTopicList } from '../../realtime/useTopic';
import { CHAT_MAX_CHARS, chatLength, chatTextError } from './chatText';

/** The two destinations a room's chat needs (a showcase live room's, a training room's). */
export interface ChatTopics {
  /** the chat topic (events, replayable; `{ hidden }` payloads remove a line) */
  chat: string;
  /** where a line is SENT */
  sendChat: string;
}

export const CHAT_LIMIT = 200;
/** chat lines a viewer gets on entering a room */
export const CHAT_REPLAY = 100;
/** Within this many pixels of the bottom the list follows new messages. */
const STICK_PX = 48;

interface Props {
  topics: ChatTopics;
  /** Send a chat line; false when it could not be sent. */
  onSend: (text: string) => boolean;
  /** Shown at the end of the input row (the like button). */
  aside?: ReactNode;
  /** When set, the room is not open for chat (not live): this text replaces the input row. */
  closed?: string;
  /** Moderation controls shown on each line of others (the merchant console, the training console). */
  moderation?: (m: ChatMessage) => ReactNode;
}

const messageKey = (m: ChatMessage) => m.id;

/** A moderator hid a line: `{ room, hidden: <its id> }` on the chat topic removes it from the list. */
export function hiddenId(body: unknown): string | null {
  if (!body || typeof body !== 'object') return null;
  const h = (body as { hidden?: unknown }).hidden;
  return typeof h === 'string' && h ? h : null;
}

/** A chat line as shown; the id falls back to the stream id so every line has a stable key. */
function toChatMessage(body: unknown, meta: MessageMeta): ChatMessage | null {
  if (!body || typeof body !== 'object') return null;
  const m = body as Partial<ChatMessage>;
  if (typeof m.text !== 'string') return null;
  const id = meta.streamId || m.id || `${meta.headers['message-id'] ?? ''}:${m.at ?? ''}`;
  return { id, room: m.room ?? '', userId: String(m.userId ?? ''), name: m.name ?? '', text: m.text, at: m.at ?? '' };
}

/** A room's chat (the showcase live room, the merchant console, a training room and its console). */
export function ChatPanel({ topics, onSend, aside, closed, moderation }: Props) {
  const { user } = useAuth();
  const location = useLocation();
  const connected = useConnectionStatus() === 'connected';
  // The room's recent chat on entry (not the whole buffer of 1,000 lines: a join storm would multiply it), then
  // after a reconnect whatever was missed; the list keeps the newest CHAT_LIMIT.
  const messages = useTopicList<ChatMessage>(topics.chat, {
    limit: CHAT_LIMIT,
    key: messageKey,
    prepare: toChatMessage,
    remove: hiddenId,
    replayLast: CHAT_REPLAY,
  });
  const [draft, setDraft] = useState('');
  const lastSent = useRef('');
  const listRef = useRef<HTMLOListElement>(null);
  const stick = useRef(true);
  const [unseen, setUnseen] = useState(false);

  // A refused line (too fast, too long) comes back into the box if the user has not typed since.
  useRealtimeErrors((e) => {
    const refused = lastSent.current;
    if (e.destination === topics.sendChat && refused) {
      lastSent.current = '';
      setDraft((d) => d || refused);
    }
  });

  useLayoutEffect(() => {
    const el = listRef.current;
    if (!el || messages.length === 0) return;
    if (stick.current) el.scrollTop = el.scrollHeight;
    else setUnseen(true);
  }, [messages]);

  const onScroll = () => {
    const el = listRef.current;
    if (!el) return;
    stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < STICK_PX;
    if (stick.current) setUnseen(false);
  };

  const toBottom = () => {
    const el = listRef.current;
    if (el) el.scrollTop = el.scrollHeight;
    stick.current = true;
    setUnseen(false);
  };

  const length = chatLength(draft.trim());
  const tooLong = length > CHAT_MAX_CHARS;
  const canSend = connected && chatTextError(draft) === null;

  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    if (!canSend) return;
    const text = draft.trim();
    if (onSend(text)) {
      lastSent.current = text;
      setDraft('');
      toBottom();
    }
  };

  const mine = (m: ChatMessage) => !!user && m.userId === String(user.id);

  return (
    <section className="live-chat" aria-label="聊天">
      <ol className="chat-list" ref={listRef} onScroll={onScroll} data-testid="chat-list" aria-live="polite">
        {messages.length === 0 && <li className="chat-empty muted">还没有人发言，来说点什么吧</li>}
        {messages.map((m) => (
          <li key={m.id} className={`chat-msg${mine(m) ? ' chat-mine' : ''}`} data-testid="chat-message">
            <span className="chat-name">{m.name}</span>
            <span className="chat-text">{m.text}</span>
            <time className="chat-time" dateTime={m.at}>
              {formatTime(m.at)}
            </time>
            {moderation && !mine(m) && <span className="chat-moderation">{moderation(m)}</span>}
          </li>
        ))}
      </ol>
      {unseen && (
        <button type="button" className="chat-unseen" onClick={toBottom} data-testid="chat-unseen">
          有新消息
        </button>
      )}
      <div className="chat-compose">
        {closed ? (
          <p className="chat-closed muted small" data-testid="chat-closed">
            {closed}
          </p>
        ) : user ? (
          <form className="chat-form" onSubmit={submit} noValidate>
            <input
              className={tooLong ? 'chat-input invalid' : 'chat-input'}
              value={draft}
              onChange={(e) => setDraft(e.target.value)}
              placeholder={connected ? '说点什么…' : '连接中，稍后可发言'}
              aria-label="聊天内容"
              aria-invalid={tooLong || undefined}
              enterKeyHint="send"
              data-testid="chat-input"
            />
            <button type="submit" className="btn btn-primary btn-sm" disabled={!canSend} data-testid="chat-send">
              发送
            </button>
            {length > CHAT_MAX_CHARS - 20 && (
              <span className={tooLong ? 'chat-count over' : 'chat-count'} data-testid="chat-count" role={tooLong ? 'alert' : undefined}>
                {tooLong ? `最多 ${CHAT_MAX_CHARS} 字（${length}）` : `${length}/${CHAT_MAX_CHARS}`}
              </span>
            )}
          </form>
        ) : (
          <Link
            className="chat-login"
            to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`}
            data-testid="chat-login"
          >
            登录后参与聊天
          </Link>
        )}
        {!closed && aside}
      </div>
    </section>
  );
}
