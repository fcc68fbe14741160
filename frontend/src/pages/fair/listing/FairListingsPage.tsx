import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { downloadFile } from '../../../api/download';
import { isApiError } from '../../../api/errors';
import { listingApi } from '../../../api/fairListing';
import type { IndustryNode, Listing, ListingFilters } from '../../../api/fairListing';
import { FormAlert } from '../../../components/Field';
import { usePagedList } from '../../../lib/usePagedList';
import { usePageTitle } from '../../../lib/usePageTitle';
import { ListingCard } from './ListingCard';
import { ListingFiltersBar } from './ListingFiltersBar';
import './listing.css';
import { FairNav } from '../FairNav';

/** /fairs/:id/listings — a fair's supply and demand hall (approved participants and organisers): search, filters. */
export function FairListingsPage() {
  usePageTitle('供需大厅');
  const { id = '' } = useParams();
  const fairId = Number(id);
  const [industries, setIndustries] = useState<IndustryNode[]>([]);
  const [filters, setFilters] = useState<ListingFilters>({});
  const [fileError, setFileError] = useState<string | null>(null);

  useEffect(() => {
    const ctl = new AbortController();
    listingApi.industries(ctl.signal).then(setIndustries).catch(() => undefined);
    return () => ctl.abort();
  }, []);

  const fetchPage = useCallback((after: string | null) => listingApi.ofFair(fairId, filters, after, 20), [fairId, filters]);
  const { items, next, loading, error, load } = usePagedList<Listing>(fetchPage);

  const download = (listingId: number, fileId: number, name: string) =>
    void downloadFile(listingApi.fairFilePath(fairId, listingId, fileId), name)
      .then(() => setFileError(null))
      .catch((e: unknown) => setFileError(isApiError(e) ? e.detail : '下载失败'));

  return (
    <section className="container page listing-page" data-testid="fair-listings">
      <FairNav fairId={fairId} />
      <div className="listing-head">
        <h1>供需大厅</h1>
        <Link className="btn btn-ghost btn-sm" to="/me/listings">我的供需</Link>
      </div>
      <p className="lead muted">本场已通过审核企业发布的有效供给与需求。</p>
      <ListingFiltersBar industries={industries} onApply={setFilters} />
      <FormAlert message={error ?? fileError} />
      {!loading && !error && items.length === 0 && (
        <p className="muted" data-testid="listing-empty">没有符合条件的供需信息。</p>
      )}
      <ul className="listing-list">
        {items.map((l) => (
          <ListingCard key={l.id} listing={l} onFile={(fileId, name) => download(l.id, fileId, name)} />
        ))}
      </ul>
      {next && (
        <p className="training-more">
          <button type="button" className="btn btn-ghost" disabled={loading} onClick={() => void load(next)}>
            {loading ? '加载中…' : '加载更多'}
          </button>
        </p>
      )}
    </section>
  );
}
