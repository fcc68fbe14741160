import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { fileUrl, pastLiveApi } from '../../api/live';
import type { AfterLive } from '../../api/live';
import { replayKindOf } from '../../api/trainingReplay';
import { formatDateTime } from '../../lib/format';
import { formatPrice } from '../catalogue/price';
import { ProductMonogram } from '../catalogue/ProductMonogram';
import { formatCountdown, msUntil, useNow } from './countdown';

/**
 * What an ended room (/live/{id}, status ENDED) offers: the replay when the merchant published one (a link, or told to
 * `onOffer` so that the room plays a recording it can play in its stage), the merchant's
 * next session (live now, or the next scheduled with a countdown) and some of its products. Nothing while loading
 * or when the offer cannot be read: the room still shows what it had.
 */
export function AfterLivePanel({ sessionId, onOffer }: { sessionId: number; onOffer?: (offer: AfterLive) => void }) {
  const [offer, setOffer] = useState<AfterLive | null>(null);
  const now = useNow(1000);
  const offerRef = useRef(onOffer);
  offerRef.current = onOffer;

  useEffect(() => {
    const abort = new AbortController();
    setOffer(null);
    pastLiveApi.after(sessionId, abort.signal).then((o) => {
      setOffer(o);
      offerRef.current?.(o);
    }, () => undefined);
    return () => abort.abort();
  }, [sessionId]);

  if (!offer) return null;
  const next = offer.next;
  const left = next ? msUntil(next.startsAt, now) : 0;
  return (
    <section className="after-live" aria-label="直播已结束" data-testid="after-live">
      <p className="after-live-head">
        <strong>本场直播已结束</strong>
        {/* a recording the page can play (HLS, MP4) plays in the room's stage instead (LiveRoomPage) */}
        {offer.replayUrl && !replayKindOf(offer.replayUrl) && (
          <a
            className="btn btn-gold btn-sm"
            href={offer.replayUrl}
            target="_blank"
            rel="noopener noreferrer nofollow"
            data-testid="after-replay"
          >
            观看回放
          </a>
        )}
      </p>
      {next && (
        <Link to={`/live/${next.id}`} className="after-next" data-testid="after-next">
          <span className="after-next-label">{next.status === 'LIVE' ? '正在直播' : '下一场'}</span>
          <span className="after-next-title">{next.title}</span>
          <span className="after-next-when small" data-testid="after-next-when">
            {next.status === 'LIVE'
              ? '进入直播间 →'
              : `${formatDateTime(next.startsAt)} 开播${left > 0 ? ` · 倒计时 ${formatCountdown(left)}` : ''}`}
          </span>
        </Link>
      )}
      {offer.products.length > 0 && (
        <>
          <h2 className="after-live-subtitle">店铺好物</h2>
          <ul className="after-products" data-testid="after-products">
            {offer.products.map((p) => (
              <li key={p.id}>
                <Link to={`/products/${p.id}`} className="after-product" data-testid="after-product">
                  {p.coverFileId ? (
                    <img src={fileUrl(p.coverFileId)} alt={p.name} loading="lazy" />
                  ) : (
                    <ProductMonogram name={p.name} compact className="after-product-empty" />
                  )}
                  <span className="after-product-name">{p.name}</span>
                  <span className="after-product-price">{formatPrice(p.priceFen)}</span>
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
