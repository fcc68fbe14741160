import { Link, useLocation } from 'react-router-dom';
import { usePageTitle } from '../../lib/usePageTitle';

export function NotFoundPage() {
  usePageTitle('页面不存在');
  const { pathname } = useLocation();
  return (
    <section className="container page narrow not-found" data-testid="not-found">
      <p className="big-code" aria-hidden="true">
        404
      </p>
      <h1>页面不存在</h1>
      <p className="lead">
        找不到 <code>{pathname}</code>，它可能已被移动或从未存在。
      </p>
      <Link className="btn btn-primary" to="/">
        返回首页
      </Link>
    </section>
  );
}
