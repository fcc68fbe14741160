import type { LineupItem } from '../../api/live';
import { fileUrl } from '../../api/live';
import { formatFen } from '../../lib/format';
import { ProductMonogram } from '../catalogue/ProductMonogram';

interface Props {
  lineup: LineupItem[];
  pinnedId: number | null;
}

/** The session's products in presentation order, the one being explained marked. */
export function LineupList({ lineup, pinnedId }: Props) {
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
          </li>
        ))}
      </ol>
    </section>
  );
}
