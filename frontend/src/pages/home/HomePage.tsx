import { Link } from 'react-router-dom';
import { useAuth } from '../../auth/AuthProvider';
import { usePageTitle } from '../../lib/usePageTitle';
import { HomeNow } from './HomeNow';

const SECTIONS = [
  {
    to: '/live',
    icon: '播',
    title: '直播展厅',
    description: '名优新特、文创、非遗与旅游纪念好物直播带货，边看边买。',
    tags: ['名优新特', '文创', '非遗', '旅游纪念'],
  },
  {
    to: '/training',
    icon: '训',
    title: '在线培训',
    description: '面向中小企业的系列直播课：趋势、政策、实务与专精特新发展。',
    tags: ['趋势篇', '政策篇', '实务篇', '专精特新篇'],
  },
  {
    to: '/fairs',
    icon: '联',
    title: '供需对接',
    description: '线上采购对接会、融资路演与产业链对接，精准撮合供需双方。',
    tags: ['采购对接会', '融资路演', '产业链对接'],
  },
];

export function HomePage() {
  usePageTitle();
  const { user } = useAuth();
  return (
    <>
      <section className="hero">
        <div className="container hero-inner">
          <p className="hero-eyebrow">三秦好物 · 云上展厅</p>
          <h1 className="hero-title">直播展厅</h1>
          <p className="hero-lead">
            汇聚陕西名优特产与非遗文创，连接企业、商家与观众——直播选购、在线学习、供需对接，一站完成。
          </p>
          <div className="hero-actions">
            <Link to="/live" className="btn btn-gold">
              进入直播展厅
            </Link>
            {user ? (
              <Link to="/me" className="btn btn-outline-light">
                个人中心
              </Link>
            ) : (
              <Link to="/register" className="btn btn-outline-light">
                免费注册
              </Link>
            )}
          </div>
        </div>
      </section>

      <HomeNow />

      <section className="container section-grid" aria-label="平台板块">
        {SECTIONS.map((s) => (
          <Link key={s.to} to={s.to} className="section-card" data-testid={`section-${s.to.slice(1)}`}>
            <span className="section-icon" aria-hidden="true">
              {s.icon}
            </span>
            <h2>{s.title}</h2>
            <p>{s.description}</p>
            <ul className="chip-list">
              {s.tags.map((t) => (
                <li key={t} className="chip">
                  {t}
                </li>
              ))}
            </ul>
            <span className="section-more">
              了解更多 <span aria-hidden="true">→</span>
            </span>
          </Link>
        ))}
      </section>
    </>
  );
}
