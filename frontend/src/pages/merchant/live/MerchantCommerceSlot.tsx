import { useEffect, useState } from 'react';
import type { LiveSessionDetail } from '../../../api/live';
import { merchantProductsApi } from '../../../api/catalogue';
import { LiveSalesFigures } from '../LiveSalesFigures';
import { OpenDealForm, type DealProductOption } from '../OpenDealForm';

export interface MerchantCommerceSlotProps {
  session: LiveSessionDetail;
}

/**
 * The console's selling parts while the session is live: orders and GMV updating live, and the form that
 * opens a flash deal on one of the lineup's products (with their stock now, from the merchant's catalogue).
 */
export function MerchantCommerceSlot({ session }: MerchantCommerceSlotProps) {
  const [options, setOptions] = useState<DealProductOption[] | null>(null);
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
      {options === null && <p className="muted">加载商品…</p>}
      {options !== null && options.length === 0 && <p className="muted">本场没有在售商品，无法发起秒杀。</p>}
      {options !== null && options.length > 0 && <OpenDealForm sessionId={session.id} products={options} />}
    </section>
  );
}
