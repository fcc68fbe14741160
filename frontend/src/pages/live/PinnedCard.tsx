import { useState } from 'react';
import type { PinnedProduct } from '../../api/live';
import { fileUrl } from '../../api/live';
import { formatFen } from '../../lib/format';
import { ProductMonogram } from '../catalogue/ProductMonogram';
import { BuySheet } from './BuySheet';
import type { SheetItem } from './BuySheet';

interface Props {
  /** From the session GET, then /topic/live/{id}/pinned; null when nothing is pinned. */
  pinned: PinnedProduct | null;
}

/**
 * The "now explaining" product (讲解中) with its buy button, which opens the buy sheet over the room; renders
 * nothing when nothing is pinned (a sheet already open stays until closed, even if the host pins another).
 */
export function PinnedCard({ pinned }: Props) {
  const [buying, setBuying] = useState<{ sessionId: number; item: SheetItem } | null>(null);
  return (
    <>
      {pinned && (
        <section className="pinned-card" data-testid="pinned-card" aria-label="正在讲解的商品" aria-live="polite">
          {pinned.coverFileId ? (
            <img className="pinned-cover" src={fileUrl(pinned.coverFileId)} alt="" width={64} height={64} />
          ) : (
            <span className="pinned-cover pinned-cover-empty">
              <ProductMonogram name={pinned.name} compact />
            </span>
          )}
          <div className="pinned-main">
            <span className="pinned-badge">讲解中</span>
            <p className="pinned-name" data-testid="pinned-name">
              {pinned.name}
            </p>
            <p className="pinned-price" data-testid="pinned-price">
              {formatFen(pinned.priceFen)}
            </p>
          </div>
          <button
            type="button"
            className="btn btn-primary pinned-buy"
            data-testid="pinned-buy"
            onClick={() =>
              setBuying({
                sessionId: pinned.sessionId,
                item: { productId: pinned.productId, name: pinned.name, priceFen: pinned.priceFen, coverFileId: pinned.coverFileId },
              })}
          >
            去购买
          </button>
        </section>
      )}
      {buying && <BuySheet sessionId={buying.sessionId} item={buying.item} onClose={() => setBuying(null)} />}
    </>
  );
}
