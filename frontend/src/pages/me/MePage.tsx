import { useEffect, useState } from 'react';
import { authApi } from '../../api/identity';
import { isApiError } from '../../api/errors';
import type { User } from '../../api/types';
import { useAuth } from '../../auth/AuthProvider';
import { updateSessionUser } from '../../auth/session';
import { FormAlert } from '../../components/Field';
import { formatDateTime } from '../../lib/format';
import { roleLabel, SIZE_LABELS, TIER_LABELS } from '../../lib/labels';
import { usePageTitle } from '../../lib/usePageTitle';

export function MePage() {
  usePageTitle('个人中心');
  const { user: cached } = useAuth();
  const [user, setUser] = useState<User | null>(cached);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const ctrl = new AbortController();
    authApi
      .me(ctrl.signal)
      .then((me) => {
        setUser(me);
        updateSessionUser(me);
      })
      .catch((e) => {
        if (isApiError(e)) setError(e.detail);
      });
    return () => ctrl.abort();
  }, []);

  if (!user) return null;
  const ent = user.enterprise;

  return (
    <section className="container page narrow" data-testid="me-page">
      <h1>个人中心</h1>
      <FormAlert message={error} />
      <div className="card profile-card">
        <div className="avatar" aria-hidden="true">
          {Array.from(user.displayName)[0] ?? '?'}
        </div>
        <div className="profile-main">
          <h2 data-testid="me-display-name">{user.displayName}</h2>
          <p className="muted">
            用户名：<span data-testid="me-username">{user.username}</span>
          </p>
          <ul className="chip-list" data-testid="me-roles" aria-label="角色">
            {user.roles.map((r) => (
              <li key={r} className={`chip role-${r.toLowerCase()}`}>
                {roleLabel(r)}
              </li>
            ))}
          </ul>
        </div>
      </div>

      <dl className="card details">
        <dt>手机号</dt>
        <dd>{user.phone ?? '未填写'}</dd>
        <dt>注册时间</dt>
        <dd>{formatDateTime(user.createdAt)}</dd>
      </dl>

      <h2 className="section-title">所属企业</h2>
      {ent ? (
        <dl className="card details" data-testid="me-enterprise">
          <dt>企业名称</dt>
          <dd>{ent.name}</dd>
          <dt>统一社会信用代码</dt>
          <dd className="mono">{ent.creditCode}</dd>
          <dt>所在地区</dt>
          <dd>{ent.region}</dd>
          <dt>所属行业</dt>
          <dd>{ent.industry}</dd>
          <dt>企业规模</dt>
          <dd>{SIZE_LABELS[ent.size] ?? ent.size}</dd>
          <dt>专精特新梯度</dt>
          <dd>{TIER_LABELS[ent.tier] ?? ent.tier}</dd>
        </dl>
      ) : (
        <p className="card muted">未关联企业。</p>
      )}
    </section>
  );
}
