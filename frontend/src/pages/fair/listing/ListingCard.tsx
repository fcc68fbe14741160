import type { ReactNode } from 'react';
import type { Listing } from '../../../api/fairListing';
import { formatRange, shanghaiDate } from './listingForm';

/** One listing as a card: side, title, enterprise, category, region, quantity, amount, validity, keywords, files. */
export function ListingCard({ listing: l, onFile, actions }: {
  listing: Listing;
  /** downloads an attachment (documents need the caller's token, so no plain link) */
  onFile: (fileId: number, name: string) => void;
  actions?: ReactNode;
}) {
  const range = formatRange(l.amountMinFen, l.amountMaxFen);
  return (
    <li className={`listing-card${l.active ? '' : ' listing-inactive'}`} data-testid="listing-card">
      <p className="listing-card-head">
        <span className={`listing-side listing-side-${l.side.toLowerCase()}`}>{l.side === 'SUPPLY' ? '供' : '需'}</span>
        <strong className="listing-title">{l.title}</strong>
        {l.status === 'WITHDRAWN' ? <span className="badge">已撤回</span> : !l.active && <span className="badge">已过期</span>}
      </p>
      <p className="small muted">
        {l.enterpriseName} · {l.categoryName} · {l.region}
        {l.quantity && <> · 数量 {l.quantity}</>}
        {range && <> · <span data-testid="listing-amount">{range}</span></>}
      </p>
      {l.description && <p className="listing-description">{l.description}</p>}
      {l.keywords.length > 0 && (
        <p className="listing-keywords">{l.keywords.map((k) => <span key={k} className="listing-keyword">{k}</span>)}</p>
      )}
      {l.attachments.length > 0 && (
        <p className="small">
          附件：
          {l.attachments.map((a, i) => (
            <span key={a.fileId}>
              {i > 0 && '、'}
              <button type="button" className="listing-file-button" onClick={() => onFile(a.fileId, a.name)}>{a.name}</button>
            </span>
          ))}
        </p>
      )}
      <p className="small muted">有效期至 {shanghaiDate(l.validUntil)}</p>
      {actions && <p className="listing-card-actions">{actions}</p>}
    </li>
  );
}
