import { useCallback, useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { Link, useParams } from 'react-router-dom';
import { downloadFile } from '../../../api/download';
import { isApiError } from '../../../api/errors';
import { directoryApi } from '../../../api/fairListing';
import type { FairDirectory } from '../../../api/fairListing';
import { Field, FormAlert } from '../../../components/Field';
import { Toast, useToast } from '../../../components/Toast';
import { formatDateTime } from '../../../lib/format';
import { usePageTitle } from '../../../lib/usePageTitle';
import { quarterChoices } from './quarters';
import '../listing/listing.css';
import { FairNav } from '../FairNav';

/** /organiser/fairs/:id/directory — publish the quarterly 供需目录 of this fair (or of all my public fairs), past issues. */
export function OrganiserDirectoryPage() {
  usePageTitle('供需目录');
  const { id = '' } = useParams();
  const fairId = Number(id);
  const choices = quarterChoices();
  const [period, setPeriod] = useState(1); // the current quarter (index 0 is the previous one)
  const [scope, setScope] = useState<'fair' | 'all'>('fair');
  const [directories, setDirectories] = useState<FairDirectory[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [toast, showToast] = useToast();

  const reload = useCallback(async (signal?: AbortSignal) => {
    const [ofFair, mine] = await Promise.all([directoryApi.list(fairId, signal), directoryApi.list(null, signal)]);
    setDirectories([...ofFair, ...mine.filter((d) => d.fairId === null)].sort((a, b) => b.id - a.id));
  }, [fairId]);

  useEffect(() => {
    const ctl = new AbortController();
    reload(ctl.signal).catch((e: unknown) => {
      if (!ctl.signal.aborted) setError(isApiError(e) ? e.detail : '加载失败');
    });
    return () => ctl.abort();
  }, [reload]);

  const publish = async (e: FormEvent) => {
    e.preventDefault();
    const { year, quarter } = choices[period];
    setBusy(true);
    try {
      const d = await directoryApi.publish({ fairId: scope === 'fair' ? fairId : null, year, quarter });
      setError(null);
      showToast(`已发布，收录 ${d.entryCount} 条`);
      await reload();
    } catch (err) {
      setError(isApiError(err) ? err.detail : '发布失败');
    } finally {
      setBusy(false);
    }
  };

  const download = (path: string, name: string) =>
    void downloadFile(path, name).catch((e: unknown) => setError(isApiError(e) ? e.detail : '下载失败'));

  return (
    <section className="container page listing-page" data-testid="organiser-directory">
      <FairNav fairId={fairId} organiser />
      <p className="small">
        <Link to={`/organiser/fairs/${fairId}`}>返回对接会</Link> · <Link to={`/fairs/${fairId}/listings`}>查看本场供需大厅</Link>
      </p>
      <h1>供需目录</h1>
      <p className="lead muted">
        按季度发布供需目录：收录该季度内有效的、已通过审核企业的供需信息。发布后的目录是当时的快照，之后供需信息的修改或撤回不会改变它。
      </p>
      <form className="directory-publish" onSubmit={publish} noValidate data-testid="directory-publish">
        <Field id="directory-period" label="统计期">
          <select id="directory-period" value={period} onChange={(e) => setPeriod(Number(e.target.value))}>
            {choices.map((c, i) => <option key={c.label} value={i}>{c.label}</option>)}
          </select>
        </Field>
        <Field id="directory-scope" label="范围">
          <select id="directory-scope" value={scope} onChange={(e) => setScope(e.target.value as 'fair' | 'all')}>
            <option value="fair">本场对接会</option>
            <option value="all">我主办的全部公开对接会</option>
          </select>
        </Field>
        <button type="submit" className="btn btn-primary" disabled={busy} data-testid="directory-submit">
          {busy ? '发布中…' : '发布目录'}
        </button>
      </form>
      <FormAlert message={error} />
      <h2>已发布</h2>
      {directories.length === 0 && <p className="muted" data-testid="directory-empty">还没有发布过供需目录。</p>}
      <ul className="directory-list">
        {directories.map((d) => (
          <li key={d.id} className="listing-card" data-testid="directory-item">
            <p><strong>{d.title}</strong></p>
            <p className="small muted">
              {d.fairId === null ? '全部公开对接会' : '本场'} · 共 {d.entryCount} 条 · 发布于 {formatDateTime(d.publishedAt)}
            </p>
            <p className="listing-card-actions">
              <Link className="btn btn-ghost btn-sm" to={`/fair-directories/${d.id}`}>查看 / 打印</Link>
              <button type="button" className="btn btn-ghost btn-sm"
                onClick={() => download(directoryApi.csvPath(d.id), `供需目录-${d.id}.csv`)}>导出 CSV</button>
              <button type="button" className="btn btn-ghost btn-sm"
                onClick={() => download(directoryApi.pdfPath(d.id), `供需目录-${d.id}.pdf`)}>下载 PDF</button>
            </p>
          </li>
        ))}
      </ul>
      <Toast message={toast} />
    </section>
  );
}
