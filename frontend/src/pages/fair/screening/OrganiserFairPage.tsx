import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { isApiError } from '../../../api/errors';
import { organiserFairApi } from '../../../api/fairScreening';
import type { FairDetail } from '../../../api/fairScreening';
import { FormAlert } from '../../../components/Field';
import { formatDateTime } from '../../../lib/format';
import { usePageTitle } from '../../../lib/usePageTitle';
import { FairNav } from '../FairNav';
import { FAIR_STATUS_LABELS, KIND_LABELS, MODE_LABELS } from '../fairLabels';
import { FairForm } from './FairForm';
import { CoOrganisers, Invitations } from './OrganiserPanels';
import { NamedInvitations } from './NamedInvitations';
import { ScreeningQueue } from './ScreeningQueue';
import '../fair.css';

/** /organiser/fairs/:id — edit, publish or cancel a fair; co-organisers, invitation links and the screening queue. */
export function OrganiserFairPage() {
  const { id = '' } = useParams();
  const fairId = Number(id);
  const [detail, setDetail] = useState<FairDetail | null>(null);
  const [editing, setEditing] = useState(false);
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  usePageTitle(detail ? `管理 · ${detail.fair.title}` : '对接会管理');

  useEffect(() => {
    const ctl = new AbortController();
    organiserFairApi.detail(fairId, ctl.signal).then(setDetail).catch((e: unknown) => {
      if (!ctl.signal.aborted) setAlert(isApiError(e) ? e.detail : '加载失败');
    });
    return () => ctl.abort();
  }, [fairId]);

  const act = async (action: 'publish' | 'cancel') => {
    if (action === 'cancel' && !window.confirm('确定取消本场对接会？已报名的企业会收到通知，取消后不能恢复。')) return;
    setBusy(true);
    setAlert(null);
    try {
      setDetail(await (action === 'publish' ? organiserFairApi.publish(fairId) : organiserFairApi.cancel(fairId)));
    } catch (e) {
      setAlert(isApiError(e) ? e.detail : '操作失败');
    } finally {
      setBusy(false);
    }
  };

  const f = detail?.fair;
  return (
    <section className="container page" data-testid="organiser-fair">
      <p className="small"><Link to="/organiser/fairs">← 对接会管理</Link></p>
      <FairNav fairId={fairId} organiser />
      <FormAlert message={alert} />
      {detail && f && (
        <>
          <h1 data-testid="organiser-fair-title">{f.title}</h1>
          <p className="fair-tags">
            <span className="fair-tag fair-tag-kind">{KIND_LABELS[f.kind]}</span>
            <span className="fair-tag">{MODE_LABELS[f.mode]}</span>
            {f.visibility === 'CLOSED' && <span className="fair-tag fair-tag-closed">闭门</span>}
            <span className="fair-tag" data-testid="fair-status">{FAIR_STATUS_LABELS[f.status]}</span>
          </p>
          <p className="small">{formatDateTime(f.startsAt)} – {formatDateTime(f.endsAt)} · {f.region}{f.venue ? ` · ${f.venue}` : ''}</p>
          <div className="fair-actions">
            {f.status === 'DRAFT' && (
              <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void act('publish')} data-testid="fair-publish">
                发布
              </button>
            )}
            {f.status !== 'CANCELLED' && (
              <>
                <button type="button" className="btn btn-ghost" onClick={() => setEditing((x) => !x)} data-testid="fair-edit">
                  {editing ? '收起编辑' : '编辑'}
                </button>
                <button type="button" className="btn btn-ghost" disabled={busy} onClick={() => void act('cancel')}>取消对接会</button>
              </>
            )}
            {f.status !== 'DRAFT' && <Link to={`/fairs/${f.id}`} className="btn btn-ghost">查看主页</Link>}
          </div>
          {editing && (
            <FairForm initial={detail} onCancel={() => setEditing(false)} onSaved={(d) => { setDetail(d); setEditing(false); }} />
          )}
          <ScreeningQueue fairId={f.id} kind={f.kind} readOnly={f.status === 'CANCELLED'} />
          {f.status !== 'CANCELLED' && <NamedInvitations fairId={f.id} />}
          {f.status !== 'CANCELLED' && <Invitations fairId={f.id} />}
          <CoOrganisers fairId={f.id} initial={detail.organisers} />
        </>
      )}
    </section>
  );
}
