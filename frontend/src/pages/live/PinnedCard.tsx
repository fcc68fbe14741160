import type { PinnedProduct } from '../../api/live';
import { fileUrl } from '../../api/live';
import { formatFen } from '../../lib/format';
import { ProductMonogram } from '../catalogue/ProductMonogram';

interface Props {
  /** From the session GET, then /topic/live/{id}/pinned; null when nothing is pinned. */
  pinned: PinnedProduct | null;
}

/** The "now explaining" product (讲解中); renders nothing when nothing is pinned. */
export function PinnedCard({ pinned }: Props) {
  if (!pinned) return null;
  return (
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
    </section>
  );
}
