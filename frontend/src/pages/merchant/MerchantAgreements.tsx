import { useEffect, useState } from 'react';
import { agreementsApi } from '../../api/merchant';
import type { AgreementState, MerchantProfile } from '../../api/merchant';
import { isApiError } from '../../api/errors';
import { FormAlert } from '../../components/Field';
import { formatDateTime } from '../../lib/format';
import { AGREEMENT_KIND_LABELS, MERCHANT_STATUS_LABELS } from './labels';
import { SuspendedNotice } from './SuspendedBanner';

/**
 * The merchant's standing and its agreements: every current version it has not accepted is shown in full
 * with "我已阅读并同意"; until all are accepted the merchant cannot list products or go live.
 */
export function MerchantAgreements() {
  const [profile, setProfile] = useState<MerchantProfile | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = async (signal?: AbortSignal) => {
    try {
      setProfile(await agreementsApi.profile(signal));
      setError(null);
    } catch (e) {
      if (!(e instanceof DOMException)) setError(isApiError(e) ? e.detail : '加载失败');
    }
  };

  useEffect(() => {
    const ctrl = new AbortController();
    void load(ctrl.signal);
    return () => ctrl.abort();
  }, []);

  if (!profile) return <FormAlert message={error} />;
  const pending = profile.agreements.filter((a) => !a.accepted);
  const suspended = profile.status === 'SUSPENDED';

  return (
    <section className="merchant-section" aria-labelledby="agreements-title" data-testid="merchant-agreements">
      <div className="card merchant-status">
        <div>
          <h2 id="agreements-title">{profile.displayName}</h2>
          <p className="muted small">入驻时间 {formatDateTime(profile.createdAt)}</p>
        </div>
        <span className={`status-badge ${profile.trading ? 'status-approved' : 'status-changes-requested'}`}
          data-testid="trading-status">
          {suspended ? MERCHANT_STATUS_LABELS.SUSPENDED : profile.trading ? '可经营' : '请先签署'}
        </span>
      </div>
      <FormAlert message={error} />
      {suspended && (
        <SuspendedNotice />
      )}
      {pending.length === 0 ? (
        <div className="card notice ok" data-testid="all-accepted">
          <p>已签署全部协议{suspended ? '' : '，可以上架商品和开播'}。</p>
          <ul className="plain-list">
            {profile.agreements.map((s) => (
              <li key={s.agreement.id}>
                {s.agreement.title}（第 {s.agreement.version} 版）· {s.acceptedBy} 于 {formatDateTime(s.acceptedAt)} 签署
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <>
          <p className="notice-text">
            请先阅读并签署以下协议的最新版本，签署后才能上架商品和开播（共 {pending.length} 份待签署）。
          </p>
          {pending.map((s) => (
            <AgreementToAccept key={s.agreement.id} state={s} onAccepted={setProfile} onStale={() => void load()} />
          ))}
        </>
      )}
    </section>
  );
}

interface AcceptProps {
  state: AgreementState;
  onAccepted: (profile: MerchantProfile) => void;
  /** The version shown is no longer current (409): reload the profile. */
  onStale: () => void;
}

function AgreementToAccept({ state, onAccepted, onStale }: AcceptProps) {
  const a = state.agreement;
  const [agreed, setAgreed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const boxId = `agree-${a.id}`;

  const accept = async () => {
    setBusy(true);
    setError(null);
    try {
      onAccepted(await agreementsApi.accept(a.id, a.textSha256));
    } catch (e) {
      setError(isApiError(e) ? e.detail : '签署失败，请稍后再试');
      if (isApiError(e) && e.status === 409) onStale();
    } finally {
      setBusy(false);
    }
  };

  return (
    <article className="card agreement" data-testid={`agreement-${a.kind}`}>
      <header>
        <h3>{a.title}</h3>
        <p className="muted small">
          {AGREEMENT_KIND_LABELS[a.kind]} · 第 {a.version} 版 · 发布于 {formatDateTime(a.publishedAt)}
        </p>
      </header>
      <div className="agreement-body" tabIndex={0} aria-label={`${a.title} 全文`}>
        {a.body}
      </div>
      <FormAlert message={error} />
      <label className="check-toggle" htmlFor={boxId}>
        <input id={boxId} type="checkbox" checked={agreed} onChange={(e) => setAgreed(e.target.checked)} />
        <span>我已阅读并同意《{a.title}》</span>
      </label>
      <button type="button" className="btn btn-primary" disabled={!agreed || busy} onClick={accept}>
        {busy ? '签署中…' : '确认签署'}
      </button>
    </article>
  );
}
