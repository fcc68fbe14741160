import { useEffect, useState } from 'react';
import type { OrderTickerMessage } from '../../api/orders';
import { showcaseDestinations } from '../../realtime/destinations';
import { useTopic } from '../../realtime/useTopic';

export const TICKER_SHOW_MS = 4_000;

export const orderTickerTopic = showcaseDestinations.orders;

/** "张**等10人刚刚下单": the live room's order ticker, each message shown for a few seconds. */
export function OrderTicker({ sessionId }: { sessionId: number | string }) {
  const [message, setMessage] = useState<OrderTickerMessage | null>(null);
  useTopic<OrderTickerMessage>(orderTickerTopic(sessionId), (m) => setMessage(m));

  useEffect(() => {
    if (!message) return;
    const t = setTimeout(() => setMessage(null), TICKER_SHOW_MS);
    return () => clearTimeout(t);
  }, [message]);

  return (
    <div className="order-ticker" aria-live="polite" data-testid="order-ticker">
      {message && (
        <span key={message.at} className="order-ticker-item">
          <span aria-hidden="true">🛒 </span>
          {message.text}
        </span>
      )}
    </div>
  );
}
