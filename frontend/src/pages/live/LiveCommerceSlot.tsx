import type { LiveStatus, PinnedProduct } from '../../api/live';

export interface LiveCommerceSlotProps {
  sessionId: number;
  status: LiveStatus;
  pinned: PinnedProduct | null;
}

/**
 * Where the live room's selling parts go: the flash-deal card with its countdown and live stock
 * (`DealCard`), the buy button and the order ticker (`OrderTicker`), all in pages/live/. Renders
 * nothing until they exist; LiveRoomPage only passes the room's session id, status and pinned product.
 */
export function LiveCommerceSlot(_props: LiveCommerceSlotProps) {
  return null;
}
