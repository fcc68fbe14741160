import { useEffect, useState } from 'react';
import { merchantOrdersApi } from '../../api/orders';
import type { SalesFigures } from '../../api/orders';
import { formatCount, formatFen } from '../../lib/format';
import { showcaseDestinations } from '../../realtime/destinations';
import { useLatest } from '../../realtime/useTopic';

export const salesTopic = showcaseDestinations.merchantSales;

/** The merchant console's live orders and GMV of one session (only the session's merchant may subscribe). */
export function LiveSalesFigures({ sessionId }: { sessionId: number | string }) {
  const live = useLatest<SalesFigures>(salesTopic(sessionId));
  const [fetched, setFetched] = useState<SalesFigures | undefined>();

  useEffect(() => {
    const ctrl = new AbortController();
    merchantOrdersApi.figures(Number(sessionId), ctrl.signal).then(setFetched, () => undefined);
    return () => ctrl.abort();
  }, [sessionId]);

  const figures = !live ? fetched : !fetched || Date.parse(live.at) >= Date.parse(fetched.at) ? live : fetched;
  return (
    <div className="sales-figures" data-testid="live-sales-figures">
      <div className="figure">
        <span className="figure-label">订单</span>
        <strong data-testid="sales-orders">{figures ? formatCount(figures.orders) : '—'}</strong>
      </div>
      <div className="figure">
        <span className="figure-label">成交额</span>
        <strong data-testid="sales-gmv">{figures ? formatFen(figures.gmvFen) : '—'}</strong>
      </div>
    </div>
  );
}
