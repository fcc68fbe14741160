import type { LiveSessionDetail } from '../../../api/live';
import { fileUrl } from '../../../api/live';
import { formatFen } from '../../../lib/format';
import { ProductMonogram } from '../../catalogue/ProductMonogram';

interface Props {
  lineup: LiveSessionDetail['lineup'];
  pinnedId: number | null;
  /** pin buttons only while live */
  live: boolean;
  /** move up/down while scheduled or live */
  editable: boolean;
  busy: boolean;
  onPin: (productId: number) => void;
  onUnpin: () => void;
  /** the lineup's ids in their new order */
  onReorder: (productIds: number[]) => void;
}

/** The console's lineup in the merchant's order: pin / unpin at hand, and ↑ ↓ to change the order viewers see. */
export function ConsoleLineup({ lineup, pinnedId, live, editable, busy, onPin, onUnpin, onReorder }: Props) {
  if (lineup.length === 0) return <p className="muted">本场没有商品。</p>;
  const move = (i: number, d: -1 | 1) => {
    const ids = lineup.map((p) => p.productId);
    [ids[i], ids[i + d]] = [ids[i + d], ids[i]];
    onReorder(ids);
  };
  return (
    <ol className="console-lineup">
      {lineup.map((p, i) => (
        <li key={p.productId} className={p.productId === pinnedId ? 'console-product pinned' : 'console-product'} data-testid="console-product">
          <span className="console-position muted small">{i + 1}</span>
          {p.coverFileId ? (
            <img src={fileUrl(p.coverFileId)} alt="" width={48} height={48} />
          ) : (
            <span className="console-thumb">
              <ProductMonogram name={p.name} compact />
            </span>
          )}
          <span className="console-product-name">
            {p.name} <span className="muted small">{formatFen(p.priceFen)}</span>
            {p.productId === pinnedId && <span className="console-pinned-tag">讲解中</span>}
          </span>
          <span className="console-product-actions">
            {editable && (
              <>
                <button type="button" className="btn btn-ghost btn-sm" disabled={busy || i === 0} onClick={() => move(i, -1)} aria-label={`上移「${p.name}」`} data-testid="move-up">
                  ↑
                </button>
                <button type="button" className="btn btn-ghost btn-sm" disabled={busy || i === lineup.length - 1} onClick={() => move(i, 1)} aria-label={`下移「${p.name}」`} data-testid="move-down">
                  ↓
                </button>
              </>
            )}
            {live &&
              (p.productId === pinnedId ? (
                <button type="button" className="btn btn-ghost btn-sm" disabled={busy} onClick={onUnpin} data-testid="unpin">
                  取消置顶
                </button>
              ) : (
                <button type="button" className="btn btn-gold btn-sm" disabled={busy || !p.onSale} onClick={() => onPin(p.productId)} data-testid="pin">
                  置顶讲解
                </button>
              ))}
          </span>
        </li>
      ))}
    </ol>
  );
}
