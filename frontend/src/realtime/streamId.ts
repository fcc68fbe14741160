// Redis stream ids ("<ms>-<seq>", e.g. "1732334706000-3") as carried in the `x-stream-id` header.
// They are compared numerically part by part; digits only, so arbitrarily large values compare
// correctly without BigInt ("0" alone is the start of the stream).

const STREAM_ID = /^(\d+)(?:-(\d+))?$/;

function parts(id: string): [string, string] | null {
  const m = STREAM_ID.exec(id.trim());
  if (!m) return null;
  return [m[1].replace(/^0+(?=\d)/, ''), (m[2] ?? '0').replace(/^0+(?=\d)/, '')];
}

function compareDigits(a: string, b: string): number {
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** True when `id` is a well-formed stream id. */
export function isStreamId(id: string | null | undefined): id is string {
  return typeof id === 'string' && parts(id) !== null;
}

/**
 * Compares two stream ids: negative when a < b, 0 when equal, positive when a > b.
 * Throws on malformed ids (use isStreamId first when the input is untrusted).
 */
export function compareStreamIds(a: string, b: string): number {
  const pa = parts(a);
  const pb = parts(b);
  if (!pa || !pb) throw new Error(`malformed stream id: ${!pa ? a : b}`);
  return compareDigits(pa[0], pb[0]) || compareDigits(pa[1], pb[1]);
}

/**
 * Dedupe rule for event topics: a message is new when we have seen nothing yet or its id is
 * greater than the last one seen. A malformed id is let through (better a rare duplicate than
 * a lost message) and must not become the new high-water mark.
 */
export function isNewer(id: string, lastSeen: string | null | undefined): boolean {
  if (!lastSeen || !isStreamId(id) || !isStreamId(lastSeen)) return true;
  return compareStreamIds(id, lastSeen) > 0;
}

/** What the server accepts as `x-replay-since`: "0" (the whole buffer) or a full "<ms>-<seq>" id. */
export function isReplayFrom(id: string | null | undefined): id is string {
  return typeof id === 'string' && /^(0|\d{1,20}-\d{1,20})$/.test(id);
}
