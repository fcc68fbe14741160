import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { applicationsApi, roundsApi } from '../../api/merchant';
import type { MerchantApplication, OpenRound } from '../../api/merchant';
import { isApiError } from '../../api/errors';
import { useAuth } from '../../auth/AuthProvider';
import { FormAlert } from '../../components/Field';
import { usePageTitle } from '../../lib/usePageTitle';
import { useTopic } from '../../realtime/useTopic';
import { ApplicationCard } from './ApplicationCard';
import { ApplicationForm } from './ApplicationForm';
import { userQueues } from '../../realtime/destinations';
import { emptyApplicationForm } from './applicationForm';

/** 入驻申请: an enterprise user applies to an open round and follows its applications. */
export function ApplyPage() {
  usePageTitle('入驻申请');
  const { user, logout } = useAuth();
  const navigate = useNavigate();
  const [mine, setMine] = useState<MerchantApplication[] | null>(null);
  const [rounds, setRounds] = useState<OpenRound[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);

  const load = useCallback(async (signal?: AbortSignal) => {
    try {
      const [apps, open] = await Promise.all([applicationsApi.mine(signal), roundsApi.open(signal)]);
      setMine(apps);
      setRounds(open);
    } catch (e) {
      if (!(e instanceof DOMException)) setError(isApiError(e) ? e.detail : '加载失败');
    }
  }, []);

  useEffect(() => {
    const ctrl = new AbortController();
    void load(ctrl.signal);
    return () => ctrl.abort();
  }, [load]);

  // A decision arrives on the user's notification queue: show it at once. An approval has ended the
  // user's tokens (the new role needs a new login), so it is shown without asking the server.
  useTopic<{ type?: string; applicationId?: number; status?: string }>(
    user ? userQueues.notifications : null,
    (n) => {
      if (n.type !== 'application') return;
      if (n.status === 'APPROVED') {
        setMine((list) => (list ?? []).map((a) => (a.id === n.applicationId ? { ...a, status: 'APPROVED' } : a)));
      } else {
        void load();
      }
    },
  );

  if (!user) return null;
  const isMerchant = user.roles.includes('MERCHANT');
  const approved = mine?.some((a) => a.status === 'APPROVED') ?? false;
  const applied = new Set((mine ?? []).map((a) => a.roundId));
  const available = rounds.filter((r) => !applied.has(r.id));
  const waiting = (mine ?? []).some((a) => a.status === 'SUBMITTED');
  const changesAsked = (mine ?? []).some((a) => a.status === 'CHANGES_REQUESTED');

  const replace = (updated: MerchantApplication) =>
    setMine((list) => (list ?? []).map((a) => (a.id === updated.id ? updated : a)));

  const reLogin = async () => {
    await logout();
    navigate('/login?next=%2Fmerchant');
  };

  return (
    <section className="container page narrow apply-page" data-testid="apply-page">
      <h1>入驻申请</h1>
      <p className="lead">陕西名优产品“进展厅上平台”面向名优新特、文创、非遗、旅游纪念品企业遴选入驻商家。</p>
      <FormAlert message={error} />

      {!user.enterprise && (
        <div className="card notice" data-testid="no-enterprise">
          <h2>请先补充企业信息</h2>
          <p>
            入驻申请以企业为单位提交，您的账号尚未关联企业。请使用注册时填写了企业信息（企业名称、统一社会信用代码等）的账号申请，
            或联系平台组织方为账号补充企业信息。
          </p>
          <Link to="/me" className="btn btn-ghost">
            查看个人中心
          </Link>
        </div>
      )}

      {isMerchant && (
        <div className="card notice ok">
          您的企业已是入驻商家。<Link to="/merchant">进入商家中心</Link>
        </div>
      )}
      {!isMerchant && approved && (
        <div className="card notice ok" data-testid="approved-notice">
          <p>入驻申请已通过！请重新登录以获取商家权限，然后在商家中心签署进场协议和质量服务承诺。</p>
          <button type="button" className="btn btn-primary" onClick={reLogin}>
            重新登录
          </button>
        </div>
      )}

      {mine && mine.length > 0 && (
        <>
          <h2 className="section-title">我的申请</h2>
          <ul className="application-list">
            {mine.map((a) => (
              <ApplicationCard key={a.id} application={a} onRevised={replace} />
            ))}
          </ul>
        </>
      )}

      {user.enterprise && !isMerchant && !approved && mine && available.length === 0 && (waiting || changesAsked) && (
        <div className="card notice" role="status" data-testid="application-pending">
          {waiting ? (
            <>
              <h2>已提交申请，等待审核</h2>
              <p>组织方审核后会通过站内通知告诉您结果，也可以随时回到本页查看进度。</p>
            </>
          ) : (
            <>
              <h2>组织方请您补充材料</h2>
              <p>请在上方“我的申请”中点“修改并重新提交”，补充后重新进入审核。</p>
            </>
          )}
        </div>
      )}

      {user.enterprise && !isMerchant && !approved && mine && !(available.length === 0 && (waiting || changesAsked)) && (
        <>
          <h2 className="section-title">提交新申请</h2>
          {available.length === 0 ? (
            <p className="card muted" data-testid="no-open-round">
              当前没有可申请的遴选批次，请关注平台通知。
            </p>
          ) : (
            <div className="card">
              <p className="muted small">
                申请企业：{user.enterprise.name}（{user.enterprise.creditCode}）
              </p>
              <ApplicationForm
                key={formKey}
                initial={emptyApplicationForm(available.length === 1 ? String(available[0].id) : '')}
                rounds={available}
                onDone={(created) => {
                  setMine((list) => [created, ...(list ?? [])]);
                  setFormKey((k) => k + 1);
                }}
              />
            </div>
          )}
        </>
      )}
    </section>
  );
}
