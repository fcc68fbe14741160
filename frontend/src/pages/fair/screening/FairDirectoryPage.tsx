import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { fairApi } from '../../../api/fairScreening';
import type { FairKind, ParticipantRole } from '../../../api/fairScreening';
import { FormAlert } from '../../../components/Field';
import { SIZE_LABELS, TIER_LABELS } from '../../../lib/labels';
import { usePageTitle } from '../../../lib/usePageTitle';
import { usePagedList } from '../../../lib/usePagedList';
import { FairNav } from '../FairNav';
import { ROLE_LABELS, formatRange, rolesFor } from '../fairLabels';
import '../fair.css';

/** /fairs/:id/directory — the approved enterprises of a fair (参会企业名录), for approved participants and organisers. */
export function FairDirectoryPage() {
  const { id = '' } = useParams();
  const fairId = Number(id);
  usePageTitle('参会企业名录');
  const [kind, setKind] = useState<FairKind | undefined>(undefined);
  const [title, setTitle] = useState('');
  const [role, setRole] = useState<ParticipantRole | ''>('');
  const [qInput, setQInput] = useState('');
  const [q, setQ] = useState('');

  useEffect(() => {
    const ctl = new AbortController();
    fairApi.detail(fairId, ctl.signal).then((d) => { setKind(d.fair.kind); setTitle(d.fair.title); }).catch(() => undefined);
    return () => ctl.abort();
  }, [fairId]);

  const fetchPage = useCallback((after: string | null) => fairApi.directory(fairId, { role, q }, after), [fairId, role, q]);
  const list = usePagedList(fetchPage);

  return (
    <section className="container page fair-directory" data-testid="fair-directory">
      <p className="small"><Link to={`/fairs/${fairId}`}>← 对接会主页</Link></p>
      <FairNav fairId={fairId} kind={kind} />
      <h1>参会企业名录</h1>
      {title && <p className="muted">{title} · 仅列出已通过审核的企业，联系方式已脱敏</p>}
      <form className="fair-filters" onSubmit={(e) => { e.preventDefault(); setQ(qInput.trim()); }}>
        <select aria-label="参会身份" value={role} onChange={(e) => setRole(e.target.value as ParticipantRole | '')}>
          <option value="">全部身份</option>
          {(kind ? rolesFor(kind) : (Object.keys(ROLE_LABELS) as ParticipantRole[])).map((r) => (
            <option key={r} value={r}>{ROLE_LABELS[r]}</option>
          ))}
        </select>
        <input type="search" aria-label="企业名称" placeholder="搜索企业名称" maxLength={50} value={qInput}
          onChange={(e) => setQInput(e.target.value)} onBlur={() => setQ(qInput.trim())} />
      </form>
      <FormAlert message={list.error} />
      {list.error && (
        <p><Link to={`/fairs/${fairId}/register`} className="btn btn-ghost btn-sm">查看我的报名</Link></p>
      )}
      {!list.loading && !list.error && list.items.length === 0 && <p className="muted">暂无符合条件的企业。</p>}
      <ul className="fair-list">
        {list.items.map((e) => (
          <li key={e.id} className="fair-card" data-testid="directory-entry">
            <strong>{e.enterpriseName}</strong>{e.mine && <span className="fair-tag" style={{ marginLeft: 6 }}>本企业</span>}
            <p className="fair-tags">
              <span className="fair-tag fair-tag-kind">{ROLE_LABELS[e.role]}</span>
              <span className="fair-tag">{SIZE_LABELS[e.size]}</span>
              {e.tier !== 'NONE' && <span className="fair-tag">{TIER_LABELS[e.tier]}</span>}
            </p>
            <p className="small muted">{e.region} · {e.industry}</p>
            {e.offers && <p className="small">可提供：{e.offers}</p>}
            {e.needs && <p className="small">需求：{e.needs}</p>}
            {formatRange(e.amountMinFen, e.amountMaxFen) && <p className="small">金额：{formatRange(e.amountMinFen, e.amountMaxFen)}</p>}
            {e.certifications.length > 0 && <p className="small muted">资质：{e.certifications.join('、')}</p>}
            <p className="small muted" data-testid="directory-contact">联系人：{e.contactName ?? '—'} · {e.contactPhone ?? '—'}</p>
          </li>
        ))}
      </ul>
      {list.next && (
        <p><button type="button" className="btn btn-ghost" disabled={list.loading} onClick={() => void list.load(list.next)}>
          {list.loading ? '加载中…' : '加载更多'}
        </button></p>
      )}
    </section>
  );
}
