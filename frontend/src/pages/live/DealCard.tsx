import { useEffect, useState } from 'react';
import { flashDealsApi } from '../../api/orders';
import type { DealHolding, DealStatus, FlashDeal } from '../../api/orders';
import { useAuth } from '../../auth/AuthProvider';
import { formatFen } from '../../lib/format';
import { formatCountdown, useNow } from '../../lib/useNow';
import { showcaseDestinations } from '../../realtime/destinations';
import { useLatest } from '../../realtime/useTopic';
import { BuySheet } from './BuySheet';

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
 * What the signed-in buyer holds of the deal (GET /api/flash-deals/{id}/mine), asked again on `refresh()` (after
 * the buyer's own order); null for guests, before the answer and when it fails.
 */
export function useDealHolding(dealId: number | undefined, signedIn: boolean): [DealHolding | null, () => void] {
  const [state, setState] = useState<{ dealId: number; holding: DealHolding } | null>(null);
  const [asked, setAsked] = useState(0);

  useEffect(() => {
    if (dealId === undefined || !signedIn) return;
    const ctrl = new AbortController();
    flashDealsApi.mine(dealId, ctrl.signal).then((holding) => setState({ dealId, holding }), () => undefined);
    return () => ctrl.abort();
  }, [dealId, signedIn, asked]);

  const holding = signedIn && state && state.dealId === dealId ? state.holding : null;
  return [holding, () => setAsked((n) => n + 1)];
}

/**
 * The live room's flash-deal card: price, countdown from endsAt, live stock left (from
 * /topic/live/{sessionId}/deals), the buyer's limit state and the buy button, which opens the room's buy sheet.
 * Renders nothing when the session has no deal (a sheet already open stays until closed).
 */
export function DealCard({ sessionId }: { sessionId: number | string }) {
  const { deal, status, now } = useSessionDeal(sessionId);
  const { user } = useAuth();
  const [holding, refreshHolding] = useDealHolding(deal?.id, !!user);
  const [sheet, setSheet] = useState<FlashDeal | null>(null);
  // the sheet follows the live deal it was opened for (stock, status) and keeps its last state if the card goes
  const shown = sheet && deal && deal.id === sheet.id ? deal : sheet;
  const shownStatus = shown && shown === deal && status ? status : 'ENDED';

  return (
    <>
      {deal && status && <DealPanel deal={deal} status={status} now={now} holding={holding} onBuy={() => setSheet(deal)} />}
      {shown && (
        <BuySheet
          sessionId={shown.sessionId}
          item={{
            productId: shown.productId,
            name: shown.productName,
            priceFen: shown.priceFen,
            listPriceFen: shown.listPriceFen,
            coverFileId: null,
            deal: {
              id: shown.id,
              status: shownStatus,
              stockLeft: shown.stockLeft,
              perBuyerLimit: shown.perBuyerLimit,
              left: holding && holding.dealId === shown.id ? holding.left : shown.perBuyerLimit,
            },
          }}
          onClose={() => setSheet(null)}
          onPlaced={refreshHolding}
        />
      )}
    </>
  );
}

interface DealPanelProps {
  deal: FlashDeal;
  status: DealStatus;
  now: number;
  /** The merchant's console: the same figures, no buying. */
  seller?: boolean;
  /** What the signed-in buyer holds of the deal (null: unknown or a guest). */
  holding?: DealHolding | null;
  /** Opens the buy sheet (for guests too: the sheet asks them to log in). */
  onBuy?: () => void;
}

/** Units buyers took: the server's figure, else the quantity less the stock left. */
export function dealSold(deal: FlashDeal): number {
  return deal.sold ?? Math.max(0, deal.quantity - deal.stockLeft);
}

export function DealPanel({ deal, status, now, seller = false, holding = null, onBuy }: DealPanelProps) {
  const percentLeft = Math.round((100 * deal.stockLeft) / deal.quantity);
  const limitReached = !seller && status === 'OPEN' && !!holding?.limitReached;

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
          {status !== 'ENDED' && (
            <div className="deal-bar" aria-hidden="true">
              <span style={{ width: `${percentLeft}%` }} />
            </div>
          )}
          <span data-testid="deal-stock">
            {status === 'ENDED'
              ? `已结束 · 已售 ${dealSold(deal)} 件`
              : status === 'SOLD_OUT' ? '已抢光' : `剩余 ${deal.stockLeft} / ${deal.quantity} 件`}
          </span>
          {status !== 'ENDED' && <span className="muted small"> · 每人限购 {deal.perBuyerLimit} 件</span>}
        </div>
      </div>
      {status === 'OPEN' && !seller && !limitReached && (
        <button type="button" className="btn btn-primary btn-block" data-testid="deal-buy" onClick={onBuy}>
          立即抢购
        </button>
      )}
      {limitReached && (
        <>
          <button type="button" className="btn btn-block deal-limit" data-testid="deal-limit" disabled>
            已达限购
          </button>
          <p className="deal-note small">您已抢 {holding?.bought} 件，每人限购 {deal.perBuyerLimit} 件</p>
        </>
      )}
      {status === 'SOLD_OUT' && (
        <p className="deal-note" data-testid="deal-note">{seller ? '已全部售出' : '手慢了，已抢光'}</p>
      )}
      {status === 'UPCOMING' && <p className="deal-note">{seller ? '倒计时结束后开抢' : '即将开抢，请留意倒计时'}</p>}
      {status === 'OPEN' && seller && (
        <p className="deal-note" data-testid="deal-note">秒杀进行中，已售 {dealSold(deal)} 件</p>
      )}
    </section>
  );
}
