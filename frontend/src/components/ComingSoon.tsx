import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { usePageTitle } from '../lib/usePageTitle';

interface Props {
  title: string;
  description: string;
  features?: string[];
  children?: ReactNode;
}

/** Placeholder body for sections that arrive in later issues. */
export function ComingSoon({ title, description, features, children }: Props) {
  usePageTitle(title);
  return (
    <section className="container page coming-soon" data-testid="coming-soon">
      <span className="badge-soon">即将上线</span>
      <h1>{title}</h1>
      <p className="lead">{description}</p>
      {features && features.length > 0 && (
        <ul className="chip-list">
          {features.map((f) => (
            <li key={f} className="chip">
              {f}
            </li>
          ))}
        </ul>
      )}
      {children}
      <p>
        <Link className="btn btn-ghost" to="/">
          返回首页
        </Link>
      </p>
    </section>
  );
}
