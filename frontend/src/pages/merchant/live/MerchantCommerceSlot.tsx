import type { LiveSessionDetail } from '../../../api/live';

export interface MerchantCommerceSlotProps {
  session: LiveSessionDetail;
}

/**
 * Where the console's selling parts go: opening a flash deal, and orders / GMV updating live.
 * Renders nothing until they exist; the console passes the session it shows.
 */
export function MerchantCommerceSlot(_props: MerchantCommerceSlotProps) {
  return null;
}
