import { useEffect, useState } from 'react';
import { useParams } from 'react-router-dom';
import { downloadFile } from '../../../api/download';
import { isApiError } from '../../../api/errors';
import { directoryApi } from '../../../api/fairListing';
import type { DirectoryEntry, FairDirectory } from '../../../api/fairListing';
import { FormAlert } from '../../../components/Field';
import { formatDateTime } from '../../../lib/format';
import { usePageTitle } from '../../../lib/usePageTitle';
import { formatRange, shanghaiDate } from '../listing/listingForm';
import '../listing/listing.css';

/** /fair-directories/:id — a published 供需目录, readable by anyone who may see it, laid out to print. */
export function DirectoryPage() {
  const { id = '' } = useParams();
  const directoryId = Number(id);
  const [directory, setDirectory] = useState<FairDirectory | null>(null);
  const [entries, setEntries] = useState<DirectoryEntry[]>([]);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<string | null>(null);
  usePageTitle(directory?.title ?? '供需目录');

  useEffect(() => {
    const ctl = new AbortController();
    (async () => {
      setDirectory(await directoryApi.get(directoryId, ctl.signal));
      let after: string | null = null;
      do {
        const page = await directoryApi.entries(directoryId, after, 500, ctl.signal);
        setEntries((list) => (after ? [...list, ...page.items] : page.items));
        after = page.next;
      } while (after && !ctl.signal.aborted);
      setDone(true);
    })().catch((e: unknown) => {
      if (!ctl.signal.aborted) setError(isApiError(e) ? e.detail : '加载失败');
    });
    return () => ctl.abort();
  }, [directoryId]);

  const download = (path: string, name: string) =>
    void downloadFile(path, name).catch((e: unknown) => setError(isApiError(e) ? e.detail : '下载失败'));

  if (!directory) {
    return (
      <section className="container page">
        <FormAlert message={error} />
        {!error && <p className="muted">加载中…</p>}
      </section>
    );
  }
  const sections = [
    { side: 'SUPPLY', name: '供给' },
    { side: 'DEMAND', name: '需求' },
  ].map((s) => ({ ...s, items: entries.filter((e) => e.side === s.side) }));

  return (
    <section className="container page directory-page" data-testid="directory-page">
      <h1>{directory.title}</h1>
      <p className="muted">
        统计期 {directory.periodLabel} · 共 {directory.entryCount} 条 · 发布于 {formatDateTime(directory.publishedAt)}
      </p>
      <p className="directory-actions no-print">
        <button type="button" className="btn btn-primary btn-sm" onClick={() => window.print()} disabled={!done}>打印</button>
        <button type="button" className="btn btn-ghost btn-sm"
          onClick={() => download(directoryApi.csvPath(directoryId), `供需目录-${directoryId}.csv`)}>导出 CSV</button>
        <button type="button" className="btn btn-ghost btn-sm"
          onClick={() => download(directoryApi.pdfPath(directoryId), `供需目录-${directoryId}.pdf`)}>下载 PDF</button>
      </p>
      <FormAlert message={error} />
      {sections.map((s) => s.items.length > 0 && (
        <div key={s.side} className="directory-section">
          <h2>{s.name}（{s.items.length}）</h2>
          <ol className="directory-entries">
            {s.items.map((e) => (
              <li key={e.position} className="directory-entry" data-testid="directory-entry">
                <p><strong>{e.title}</strong> — {e.enterpriseName}</p>
                <p className="small muted">
                  {e.categoryName} · {e.region}
                  {e.quantity && <> · 数量 {e.quantity}</>}
                  {(e.amountMinFen !== null || e.amountMaxFen !== null) && <> · {formatRange(e.amountMinFen, e.amountMaxFen)}</>}
                  {' '}· 有效期至 {shanghaiDate(e.validUntil)}
                </p>
                {e.keywords.length > 0 && <p className="small">关键词：{e.keywords.join('、')}</p>}
                {e.description && <p className="small directory-description">{e.description}</p>}
              </li>
            ))}
          </ol>
        </div>
      ))}
      {done && entries.length === 0 && <p className="muted">本期目录没有收录供需信息。</p>}
      {!done && !error && <p className="muted no-print">加载中…（{entries.length} / {directory.entryCount}）</p>}
    </section>
  );
}
