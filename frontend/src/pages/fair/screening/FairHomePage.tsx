import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { isApiError } from '../../../api/errors';
import { fileUrl } from '../../../api/files';
import { fairApi } from '../../../api/fairScreening';
import type { FairDetail } from '../../../api/fairScreening';
import { FormAlert } from '../../../components/Field';
import { ShareButton } from '../../../components/share/ShareButton';
import { formatDateTime } from '../../../lib/format';
import { useNow } from '../../../lib/useNow';
import { usePageTitle } from '../../../lib/usePageTitle';
import { FairNav } from '../FairNav';
import { FAIR_STATUS_LABELS, KIND_LABELS, MODE_LABELS, ROLE_LABELS, STATUS_LABELS, countdown } from '../fairLabels';

/** What the register button says and whether it leads anywhere, from the fair and the caller's registration. */
export function registerAction(d: FairDetail): { label: string; enabled: boolean } {
  if (d.mine && d.mine.status !== 'WITHDRAWN') return { label: `我的报名：${STATUS_LABELS[d.mine.status]}`, enabled: true };
  if (d.fair.status === 'CANCELLED') return { label: '对接会已取消', enabled: false };
  if (!d.registrationOpen) return { label: '报名已结束', enabled: false };
  return { label: d.mine ? '重新报名' : '企业报名', enabled: true };
}

/** /fairs/:id — a fair's home page: countdown, figures, register, share, summary, agenda, organisers. */
export function FairHomePage() {
  const { id = '' } = useParams();
  const fairId = Number(id);
  const [detail, setDetail] = useState<FairDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const now = useNow(30_000);
  usePageTitle(detail?.fair.title ?? '对接会');

  useEffect(() => {
    const ctl = new AbortController();
    setDetail(null);
    setError(null);
    if (!Number.isSafeInteger(fairId) || fairId <= 0) {
      setError('对接会不存在');
      return;
    }
    fairApi.detail(fairId, ctl.signal).then(setDetail).catch((e: unknown) => {
      if (!ctl.signal.aborted) setError(isApiError(e) ? e.detail : '加载失败');
    });
    return () => ctl.abort();
  }, [fairId]);

  if (!detail) {
    return (
      <section className="container page" data-testid="fair-home">
        <p className="small"><Link to="/fairs">← 全部对接会</Link></p>
        <FormAlert message={error} />
        {!error && <p className="muted">加载中…</p>}
      </section>
    );
  }
  const f = detail.fair;
  const action = registerAction(detail);
  const left = countdown(f.startsAt, now);
  const running = !left && Date.parse(f.endsAt) > now;
  return (
    <section className="container page fair-home" data-testid="fair-home">
      <p className="small"><Link to="/fairs">← 全部对接会</Link></p>
      <FairNav fairId={f.id} kind={f.kind} />
      <div className="fair-hero">
        {f.coverFileId && <img className="training-cover training-cover-wide" src={fileUrl(f.coverFileId)} alt="" />}
        <div>
          <h1 data-testid="fair-title">{f.title}</h1>
          <p className="fair-tags">
            <span className="fair-tag fair-tag-kind">{KIND_LABELS[f.kind]}</span>
            <span className="fair-tag">{MODE_LABELS[f.mode]}</span>
            {f.visibility === 'CLOSED' && <span className="fair-tag fair-tag-closed">闭门 · 仅限受邀企业</span>}
            {f.status !== 'PUBLISHED' && <span className="fair-tag">{FAIR_STATUS_LABELS[f.status]}</span>}
          </p>
          <p>{formatDateTime(f.startsAt)} – {formatDateTime(f.endsAt)}</p>
          <p className="muted">{f.region}{f.venue ? ` · ${f.venue}` : ''}</p>
          {f.status === 'PUBLISHED' && left && <p className="fair-countdown" data-testid="fair-countdown">距开幕还有 {left}</p>}
          {f.status === 'PUBLISHED' && running && <p className="fair-countdown">正在进行</p>}
          <div className="fair-figures">
            <span className="fair-figure"><strong>{detail.registered}</strong><span className="small muted">家企业报名</span></span>
            <span className="fair-figure"><strong>{f.approved}</strong><span className="small muted">家已通过审核</span></span>
            <span className="fair-figure"><strong>{f.capacity}</strong><span className="small muted">家名额</span></span>
          </div>
          <div className="fair-actions">
            {action.enabled ? (
              <Link to={`/fairs/${f.id}/register`} className="btn btn-primary" data-testid="fair-register">{action.label}</Link>
            ) : (
              <button type="button" className="btn btn-primary" disabled data-testid="fair-register">{action.label}</button>
            )}
            {detail.mine?.status === 'APPROVED' && (
              <Link to={`/fairs/${f.id}/directory`} className="btn btn-ghost">参会企业名录</Link>
            )}
            {detail.runs && <Link to={`/organiser/fairs/${f.id}`} className="btn btn-ghost">管理</Link>}
            {f.visibility === 'PUBLIC' && f.status === 'PUBLISHED' && (
              <ShareButton kind="对接会" path={`/fairs/${f.id}`} title={f.title}
                lines={[`${formatDateTime(f.startsAt)} 开幕`, `${f.region} · ${KIND_LABELS[f.kind]}`]}
                imageUrl={f.coverFileId ? fileUrl(f.coverFileId) : null} />
            )}
          </div>
          {detail.mine && (
            <p className="small" data-testid="fair-mine">
              我的企业：{ROLE_LABELS[detail.mine.role]} · <span className={`fair-status fair-status-${detail.mine.status}`}>
                {STATUS_LABELS[detail.mine.status]}</span>
              {detail.mine.reason && detail.mine.status !== 'APPROVED' && <> · {detail.mine.reason}</>}
            </p>
          )}
        </div>
      </div>
      {detail.summary && (<><h2>简介</h2><p className="fair-summary">{detail.summary}</p></>)}
      <h2>议程</h2>
      {detail.agenda.length === 0 ? <p className="muted">议程即将发布。</p> : (
        <ol className="fair-agenda" data-testid="fair-agenda">
          {detail.agenda.map((a) => (
            <li key={a.id}>
              <strong>{a.title}</strong>
              <p className="small muted">
                {formatDateTime(a.startsAt)}{a.endsAt ? ` – ${formatDateTime(a.endsAt)}` : ''}
                {a.place ? ` · ${a.place}` : ''}{a.speaker ? ` · ${a.speaker}` : ''}
              </p>
            </li>
          ))}
        </ol>
      )}
      <h2>主办方</h2>
      <p>{detail.organisers.map((o) => o.displayName).join('、')}</p>
    </section>
  );
}
