import type { LiveStatus, PinnedProduct } from '../../api/live';
import { DealCard } from './DealCard';
import { OrderTicker } from './OrderTicker';

export interface LiveCommerceSlotProps {
  sessionId: number;
  status: LiveStatus;
  pinned: PinnedProduct | null;
}

/**
 * The live room's selling parts while the session is live: the order ticker and the flash-deal card with
 * its countdown, live stock and buy button (the card renders nothing when no deal is running).
 */
export function LiveCommerceSlot({ sessionId, status }: LiveCommerceSlotProps) {
  if (status !== 'LIVE') return null;
  return (
    <div className="live-commerce" data-testid="live-commerce">
      <OrderTicker sessionId={sessionId} />
      <DealCard sessionId={sessionId} />
    </div>
  );
}
