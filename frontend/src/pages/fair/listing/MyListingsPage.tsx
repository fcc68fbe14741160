import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { downloadFile } from '../../../api/download';
import { isApiError } from '../../../api/errors';
import { listingApi } from '../../../api/fairListing';
import type { IndustryNode, Listing, ListingInput } from '../../../api/fairListing';
import { useAuth } from '../../../auth/AuthProvider';
import { ConfirmDialog } from '../../../components/Dialog';
import { FormAlert } from '../../../components/Field';
import { Toast, useToast } from '../../../components/Toast';
import { usePagedList } from '../../../lib/usePagedList';
import { usePageTitle } from '../../../lib/usePageTitle';
import { ListingCard } from './ListingCard';
import { ListingForm } from './ListingForm';
import './listing.css';

/** /me/listings — my enterprise's supply and demand listings: publish, edit, withdraw. */
export function MyListingsPage() {
  usePageTitle('我的供需');
  const { user } = useAuth();
  const [industries, setIndustries] = useState<IndustryNode[]>([]);
  /** the listing being edited; 'new' for a new one; null when the form is closed */
  const [editing, setEditing] = useState<Listing | 'new' | null>(null);
  const [withdrawing, setWithdrawing] = useState<Listing | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [toast, showToast] = useToast();

  useEffect(() => {
    const ctl = new AbortController();
    listingApi.industries(ctl.signal).then(setIndustries).catch(() => undefined);
    return () => ctl.abort();
  }, []);

  const fetchPage = useCallback((after: string | null) => listingApi.mine(after, 20), []);
  const { items, next, loading, error, load, setItems } = usePagedList<Listing>(fetchPage, '加载失败', !!user?.enterprise);

  if (!user?.enterprise) {
    return (
      <section className="container page" data-testid="my-listings">
        <h1>我的供需</h1>
        <p className="muted" data-testid="no-enterprise">以企业身份注册的账号才能发布供需信息。</p>
      </section>
    );
  }

  const save = async (input: ListingInput) => {
    if (editing === 'new') {
      const created = await listingApi.create(input);
      setItems((list) => [created, ...list]);
      showToast('已发布');
    } else if (editing) {
      const updated = await listingApi.update(editing.id, input);
      setItems((list) => list.map((l) => (l.id === updated.id ? updated : l)));
      showToast('已保存');
    }
    setEditing(null);
  };

  const withdraw = async () => {
    if (!withdrawing) return;
    try {
      const updated = await listingApi.withdraw(withdrawing.id);
      setItems((list) => list.map((l) => (l.id === updated.id ? updated : l)));
      setActionError(null);
      showToast('已撤回');
    } catch (e) {
      setActionError(isApiError(e) ? e.detail : '撤回失败');
    } finally {
      setWithdrawing(null);
    }
  };

  return (
    <section className="container page listing-page" data-testid="my-listings">
      <div className="listing-head">
        <h1>我的供需</h1>
        {editing === null && (
          <button type="button" className="btn btn-primary btn-sm" onClick={() => setEditing('new')} data-testid="listing-new">
            发布供需
          </button>
        )}
      </div>
      <p className="lead muted">
        {user.enterprise.name} 的供给与需求。企业通过对接会审核后，有效的供需信息会出现在该对接会的供需大厅，并参与智能匹配。
        <Link to="/fairs">查看对接会</Link>
      </p>
      {editing !== null && (
        <>
          <h2>{editing === 'new' ? '发布供需' : '修改供需'}</h2>
          <ListingForm key={editing === 'new' ? 'new' : editing.id} industries={industries}
            listing={editing === 'new' ? null : editing} onSave={save} onCancel={() => setEditing(null)} />
        </>
      )}
      <FormAlert message={error ?? actionError} />
      {!loading && !error && items.length === 0 && (
        <p className="muted" data-testid="listing-empty">还没有供需信息，点“发布供需”开始。</p>
      )}
      <ul className="listing-list">
        {items.map((l) => (
          <ListingCard key={l.id} listing={l}
            onFile={(fileId, name) => void downloadFile(listingApi.ownFilePath(l.id, fileId), name).catch(() =>
              setActionError('下载失败'))}
            actions={
            <>
              {l.status === 'ACTIVE' && (
                <>
                  <button type="button" className="btn btn-ghost btn-sm" onClick={() => setEditing(l)}
                    data-testid="listing-edit">修改</button>
                  <button type="button" className="btn btn-ghost btn-sm" onClick={() => setWithdrawing(l)}
                    data-testid="listing-withdraw">撤回</button>
                </>
              )}
            </>
          } />
        ))}
      </ul>
      {next && (
        <p className="training-more">
          <button type="button" className="btn btn-ghost" disabled={loading} onClick={() => void load(next)}>
            {loading ? '加载中…' : '加载更多'}
          </button>
        </p>
      )}
      {withdrawing && (
        <ConfirmDialog title="撤回供需" message={`撤回“${withdrawing.title}”后，它不再出现在对接会中，也不能再修改。`}
          confirmLabel="撤回" danger onConfirm={() => void withdraw()} onCancel={() => setWithdrawing(null)} />
      )}
      <Toast message={toast} />
    </section>
  );
}
