// The chat line rule every room keeps (the server's common/chat/ChatText): not empty, at most 200 characters.

export const CHAT_MAX_CHARS = 200;

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
