import { useEffect, useRef, useState } from 'react';
import { formatCount } from '../../lib/format';
import { LIKE_MAX_BATCH } from './liveTopics';

export const LIKE_FLUSH_MS = 400;

interface Props {
  /** The room's total from /topic/live/{id}/likes (undefined until known). */
  total: number | undefined;
  /** Send `count` likes; false when they could not be sent. */
  onLike: (count: number) => boolean;
}

/**
 * The heart button. Rapid taps are gathered for LIKE_FLUSH_MS and sent as one `{ count }`
 * (a single tap sends `{}`), at most LIKE_MAX_BATCH per SEND.
 */
export function LikeButton({ total, onLike }: Props) {
  const pending = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const sendRef = useRef(onLike);
  const [pops, setPops] = useState(0);

  useEffect(() => {
    sendRef.current = onLike;
  });

  const flush = () => {
    clearTimeout(timer.current);
    timer.current = undefined;
    const n = pending.current;
    pending.current = 0;
    if (n > 0) sendRef.current(n);
  };

  // Taps not yet sent when leaving the room still count.
  useEffect(() => flush, []);

  const onClick = () => {
    pending.current += 1;
    setPops((p) => p + 1);
    if (pending.current >= LIKE_MAX_BATCH) flush();
    else if (!timer.current) timer.current = setTimeout(flush, LIKE_FLUSH_MS);
  };

  return (
    <div className="like-box">
      <button type="button" className="like-button" onClick={onClick} aria-label="点赞" data-testid="like-button">
        <span key={pops} className={`heart${pops ? ' heart-pop' : ''}`} aria-hidden="true" />
      </button>
      <span className="like-total" data-testid="like-total" aria-label="点赞数">
        {formatCount(total ?? 0)}
      </span>
    </div>
  );
}
