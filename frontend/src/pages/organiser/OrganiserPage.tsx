import { Link } from 'react-router-dom';
import { usePageTitle } from '../../lib/usePageTitle';

/** /organiser — the organiser's board: the live dashboard first, then every workspace an organiser runs. */
export function OrganiserPage() {
  usePageTitle('组织方看板');
  return (
    <section className="container page coming-soon" data-testid="organiser-board">
      <h1>组织方看板</h1>
      <p className="lead">实时在线人数、峰值与观看时长、成交与对接数据，以及你主办的各项工作。</p>
      <p>
        <Link className="btn btn-primary btn-wrap" to="/organiser/dashboard" data-testid="link-dashboard">
          进入实时看板（在线、成交、报名与对接数据，支持大屏展示）
        </Link>
      </p>
      <p>
        <Link className="btn btn-primary btn-wrap" to="/organiser/applications" data-testid="link-onboarding">
          进入入驻审核（遴选批次、申请审核、协议、商家）
        </Link>
      </p>
      <p>
        <Link className="btn btn-primary btn-wrap" to="/organiser/training" data-testid="link-training">
          进入培训管理（培训系列、课程、开始与结束直播）
        </Link>
      </p>
      <p>
        <Link className="btn btn-primary btn-wrap" to="/organiser/courses" data-testid="link-courses">
          进入微课管理（专题、点播课程、课时、发布）
        </Link>
      </p>
      <p>
        <Link className="btn btn-primary btn-wrap" to="/organiser/fairs" data-testid="link-fairs">
          进入对接会管理（报名审核、供需目录、匹配、洽谈、成效）
        </Link>
      </p>
      <p>
        <Link className="btn btn-ghost" to="/">
          返回首页
        </Link>
      </p>
    </section>
  );
}
