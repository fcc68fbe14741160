import type { ReactNode } from 'react';
import { Link, Navigate, useLocation } from 'react-router-dom';
import type { Role } from '../api/types';
import { useAuth } from '../auth/AuthProvider';
import { roleLabel } from '../lib/labels';

interface Props {
  /** When given, the user must hold this role (admins may open organiser pages: the API lets them run any event). */
  role?: Role;
  children: ReactNode;
}

/** Sends guests to /login?next=…; shows a 403 notice to users without the role. */
export function RequireAuth({ role, children }: Props) {
  const { user } = useAuth();
  const location = useLocation();
  if (!user) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/login?next=${next}`} replace />;
  }
  const adminAsOrganiser = role === 'ORGANISER' && user.roles.includes('ADMIN');
  if (role && !user.roles.includes(role) && !adminAsOrganiser) {
    return (
      <section className="container page narrow" data-testid="forbidden">
        <h1>无权访问</h1>
        <p className="lead">此页面仅限{roleLabel(role)}访问。</p>
        <Link className="btn btn-ghost" to="/">
          返回首页
        </Link>
      </section>
    );
  }
  return <>{children}</>;
}
