import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { authApi } from '../../api/identity';
import { isApiError } from '../../api/errors';
import type { User } from '../../api/types';
import { useAuth } from '../../auth/AuthProvider';
import { updateSessionUser } from '../../auth/session';
import { FormAlert } from '../../components/Field';
import { formatDateTime } from '../../lib/format';
import { roleLabel } from '../../lib/labels';
import { usePageTitle } from '../../lib/usePageTitle';
import { EnterpriseSection } from './EnterpriseSection';
import { PasswordForm } from './PasswordForm';
import { ProfileForm } from './ProfileForm';

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

  const onUser = (u: User) => {
    setUser(u);
    updateSessionUser(u);
  };

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
        <dd data-testid="me-phone">{user.phone ?? '未填写'}</dd>
        <dt>注册时间</dt>
        <dd>{formatDateTime(user.createdAt)}</dd>
      </dl>

      <p><Link to="/me/registrations" data-testid="me-registrations">我的培训报名 →</Link></p>

      <h2 className="section-title">账号设置</h2>
      <div className="me-forms">
        <ProfileForm key={user.id} user={user} onSaved={onUser} />
        <PasswordForm />
      </div>

      <h2 className="section-title">所属企业</h2>
      <EnterpriseSection user={user} onUser={onUser} />
    </section>
  );
}
