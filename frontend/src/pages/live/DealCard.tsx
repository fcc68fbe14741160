import { useEffect, useState } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { flashDealsApi, ordersApi } from '../../api/orders';
import type { DealStatus, FlashDeal } from '../../api/orders';
import { useAuth } from '../../auth/AuthProvider';
import { formatFen } from '../../lib/format';
import { formatCountdown, useNow } from '../../lib/useNow';
import { showcaseDestinations } from '../../realtime/destinations';
import { useLatest } from '../../realtime/useTopic';
import { BuyForm, useGoToOrder } from '../orders/BuyForm';

export const dealTopic = showcaseDestinations.deals;

/** The deal's status now: the server's, corrected by the clock (start and end pass without a message). */
export function dealStatusAt(deal: FlashDeal, now: number): DealStatus {
  if (deal.status === 'ENDED' || now >= Date.parse(deal.endsAt)) return 'ENDED';
  if (now < Date.parse(deal.startsAt)) return 'UPCOMING';
  return deal.stockLeft <= 0 ? 'SOLD_OUT' : 'OPEN';
}

/** Whichever of two states of the same deal is newer. */
function newest(a: FlashDeal | undefined, b: FlashDeal | undefined): FlashDeal | undefined {
  if (!a) return b;
  if (!b) return a;
  if (a.id !== b.id) return a.id > b.id ? a : b;
  return Date.parse(a.at) >= Date.parse(b.at) ? a : b;
}

/** The session's newest flash deal (from its topic, or fetched once), its status by the clock, and the clock. */
export function useSessionDeal(sessionId: number | string): { deal: FlashDeal | undefined; status: DealStatus | null; now: number } {
  const live = useLatest<FlashDeal>(dealTopic(sessionId));
  const [fetched, setFetched] = useState<FlashDeal | undefined>();
  const now = useNow(250);

  useEffect(() => {
    const ctrl = new AbortController();
    flashDealsApi.current(Number(sessionId), ctrl.signal).then(setFetched, () => undefined);
    return () => ctrl.abort();
  }, [sessionId]);

  const deal = newest(live, fetched);
  // an ended deal stays on show for a minute
  if (!deal || (dealStatusAt(deal, now) === 'ENDED' && now - Date.parse(deal.endsAt) > 60_000)) {
    return { deal: undefined, status: null, now };
  }
  return { deal, status: dealStatusAt(deal, now), now };
}

/**
 * The live room's flash-deal card: price, countdown from endsAt, live stock left (from
 * /topic/live/{sessionId}/deals) and the buy button. Renders nothing when the session has no deal.
 */
export function DealCard({ sessionId }: { sessionId: number | string }) {
  const { deal, status, now } = useSessionDeal(sessionId);
  return deal && status ? <DealPanel deal={deal} status={status} now={now} /> : null;
}

interface DealPanelProps {
  deal: FlashDeal;
  status: DealStatus;
  now: number;
  /** The merchant's console: the same figures, no buying. */
  seller?: boolean;
}

export function DealPanel({ deal, status, now, seller = false }: DealPanelProps) {
  const [buying, setBuying] = useState(false);
  const { user } = useAuth();
  const location = useLocation();
  const goToOrder = useGoToOrder();
  const percentLeft = Math.round((100 * deal.stockLeft) / deal.quantity);

  return (
    <section className={`deal-card deal-${status.toLowerCase()}`} data-testid="deal-card" aria-label="限时秒杀">
      <header className="deal-head">
        <span className="deal-badge">限时秒杀</span>
        <span className="deal-clock" data-testid="deal-countdown">
          {status === 'UPCOMING' && `距开始 ${formatCountdown(Date.parse(deal.startsAt) - now)}`}
          {(status === 'OPEN' || status === 'SOLD_OUT') && `距结束 ${formatCountdown(Date.parse(deal.endsAt) - now)}`}
          {status === 'ENDED' && '已结束'}
        </span>
      </header>
      <div className="deal-body">
        <div className="deal-name">{deal.productName}</div>
        <div className="deal-prices">
          <strong className="deal-price" data-testid="deal-price">{formatFen(deal.priceFen)}</strong>
          {deal.listPriceFen > deal.priceFen && <s className="muted small">{formatFen(deal.listPriceFen)}</s>}
        </div>
        <div className="deal-stock" aria-live="polite">
          <div className="deal-bar" aria-hidden="true">
            <span style={{ width: `${percentLeft}%` }} />
          </div>
          <span data-testid="deal-stock">
            {status === 'SOLD_OUT' ? '已抢光' : `剩余 ${deal.stockLeft} / ${deal.quantity} 件`}
          </span>
          <span className="muted small"> · 每人限购 {deal.perBuyerLimit} 件</span>
        </div>
      </div>
      {status === 'OPEN' && !buying && !seller && (
        user ? (
          <button type="button" className="btn btn-primary btn-block" data-testid="deal-buy" onClick={() => setBuying(true)}>
            立即抢购
          </button>
        ) : (
          <Link className="btn btn-primary btn-block" to={`/login?next=${encodeURIComponent(location.pathname)}`}>
            登录后抢购
          </Link>
        )
      )}
      {status === 'SOLD_OUT' && (
        <p className="deal-note" data-testid="deal-note">{seller ? '已全部售出' : '手慢了，已抢光'}</p>
      )}
      {status === 'UPCOMING' && <p className="deal-note">{seller ? '倒计时结束后开抢' : '即将开抢，请留意倒计时'}</p>}
      {status === 'OPEN' && seller && (
        <p className="deal-note" data-testid="deal-note">秒杀进行中，已售 {deal.quantity - deal.stockLeft} 件</p>
      )}
      {buying && status === 'OPEN' && !seller && (
        <BuyForm
          unitPriceFen={deal.priceFen}
          maxQuantity={Math.min(deal.perBuyerLimit, deal.stockLeft)}
          limit={deal.perBuyerLimit}
          submitLabel="确认抢购"
          submit={(quantity, recipient, key) => ordersApi.place({ dealId: deal.id, quantity, recipient }, key)}
          onPlaced={goToOrder}
        />
      )}
    </section>
  );
}
