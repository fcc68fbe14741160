// Destinations of one live room (built by realtime/destinations.ts) and the chat text rule.
import { showcaseDestinations } from '../../realtime/destinations';

// the chat line rule is shared by every room's chat
export { CHAT_MAX_CHARS, chatLength, chatTextError } from '../../components/chat/chatText';
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
