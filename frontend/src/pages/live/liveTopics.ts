// Destinations of one live room (built by realtime/destinations.ts) and the chat text rule.
import { showcaseDestinations } from '../../realtime/destinations';

export const CHAT_MAX_CHARS = 200;
/** Likes per SEND (`{ count }` is 1–20). */
export const LIKE_MAX_BATCH = 20;

export interface LiveTopics {
  viewers: string;
  chat: string;
  likes: string;
  /** the "now explaining" product (latest value; null when unpinned) */
  pinned: string;
  /** the session's status changes (latest value) */
  status: string;
  sendChat: string;
  sendLike: string;
}

export function liveTopics(liveId: string): LiveTopics {
  const d = showcaseDestinations;
  return {
    viewers: d.viewers(liveId),
    chat: d.chat(liveId),
    likes: d.likes(liveId),
    pinned: d.pinned(liveId),
    status: d.status(liveId),
    sendChat: d.sendChat(liveId),
    sendLike: d.sendLike(liveId),
  };
}

/** Length in characters as a person counts them (code points, so an emoji is one). */
export function chatLength(text: string): number {
  return Array.from(text).length;
}

/** Client-side check of a chat line: null when it may be sent, else why not. */
export function chatTextError(text: string): string | null {
  const t = text.trim();
  if (!t) return '请输入内容';
  if (chatLength(t) > CHAT_MAX_CHARS) return `最多 ${CHAT_MAX_CHARS} 字`;
  return null;
}
