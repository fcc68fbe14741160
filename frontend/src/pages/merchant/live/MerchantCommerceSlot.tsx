import { useEffect, useState } from 'react';
import type { LiveSessionDetail } from '../../../api/live';
import { merchantProductsApi } from '../../../api/catalogue';
import { DealPanel, useSessionDeal } from '../../live/DealCard';
import { LiveSalesFigures } from '../LiveSalesFigures';
import { OpenDealForm, type DealProductOption } from '../OpenDealForm';

export interface MerchantCommerceSlotProps {
  session: LiveSessionDetail;
}

/**
 * The console's selling parts while the session is live: orders and GMV updating live, the running flash deal as
 * viewers see it (countdown, stock left, sold), and, when no deal is running (one at a time per session), the
 * form that opens one on a lineup product (with its stock now, from the merchant's catalogue).
 */
export function MerchantCommerceSlot({ session }: MerchantCommerceSlotProps) {
  const [options, setOptions] = useState<DealProductOption[] | null>(null);
  const { deal, status, now } = useSessionDeal(session.id);
  const running = deal !== undefined && status !== 'ENDED';
  const lineupIds = session.lineup.map((p) => p.productId).join(',');

  useEffect(() => {
    const abort = new AbortController();
    const wanted = new Set(lineupIds.split(',').filter(Boolean).map(Number));
    merchantProductsApi.list({ status: 'ON_SALE', limit: 100 }, abort.signal)
      .then((page) => setOptions(page.items
        .filter((p) => wanted.has(p.id))
        .map((p) => ({ id: p.id, name: p.name, priceFen: p.priceFen, stock: p.stock }))))
      .catch(() => { if (!abort.signal.aborted) setOptions([]); });
    return () => abort.abort();
  }, [lineupIds]);

  return (
    <section className="console-commerce" data-testid="console-commerce">
      <h2>本场销售</h2>
      <LiveSalesFigures sessionId={session.id} />
      <h2>限时秒杀</h2>
      {deal && status && <DealPanel deal={deal} status={status} now={now} seller />}
      {running && <p className="muted" data-testid="deal-running">本场秒杀结束后，可发起下一场。</p>}
      {!running && options === null && <p className="muted">加载商品…</p>}
      {!running && options !== null && options.length === 0 && <p className="muted">本场没有在售商品，无法发起秒杀。</p>}
      {!running && options !== null && options.length > 0 && <OpenDealForm sessionId={session.id} products={options} />}
    </section>
  );
}
