import { useState } from 'react';
import type { LineupItem } from '../../api/live';
import { fileUrl } from '../../api/live';
import { formatFen } from '../../lib/format';
import { ProductMonogram } from '../catalogue/ProductMonogram';
import { BuySheet } from './BuySheet';

interface Props {
  /** The session the lineup belongs to (orders from its tiles are credited to it). */
  sessionId: number;
  lineup: LineupItem[];
  pinnedId: number | null;
}

/**
 * The session's products in presentation order, the one being explained marked; each product on sale has a buy
 * button opening the buy sheet over the room.
 */
export function LineupList({ sessionId, lineup, pinnedId }: Props) {
  const [buying, setBuying] = useState<LineupItem | null>(null);
  if (lineup.length === 0) return null;
  return (
    <section className="lineup" aria-label="本场商品">
      <h2 className="lineup-title">
        本场商品 <span className="muted small">{lineup.length} 件</span>
      </h2>
      <ol className="lineup-list" data-testid="lineup">
        {lineup.map((p) => (
          <li
            key={p.productId}
            className={`lineup-item${p.productId === pinnedId ? ' lineup-pinned' : ''}${p.onSale ? '' : ' lineup-off'}`}
            data-testid="lineup-item"
          >
            {p.coverFileId ? (
              <img src={fileUrl(p.coverFileId)} alt="" width={72} height={72} loading="lazy" />
            ) : (
              <ProductMonogram name={p.name} compact className="lineup-cover-empty" />
            )}
            <span className="lineup-name">{p.name}</span>
            <span className="lineup-price">{p.onSale ? formatFen(p.priceFen) : '已下架'}</span>
            {p.productId === pinnedId && <span className="lineup-flag">讲解中</span>}
            {p.onSale && (
              <button
                type="button"
                className="btn btn-primary btn-sm lineup-buy"
                data-testid="lineup-buy"
                aria-label={`购买 ${p.name}`}
                onClick={() => setBuying(p)}
              >
                购买
              </button>
            )}
          </li>
        ))}
      </ol>
      {buying && (
        <BuySheet
          sessionId={sessionId}
          item={{ productId: buying.productId, name: buying.name, priceFen: buying.priceFen, coverFileId: buying.coverFileId }}
          onClose={() => setBuying(null)}
        />
      )}
    </section>
  );
}
