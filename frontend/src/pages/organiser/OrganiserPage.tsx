import { Link } from 'react-router-dom';
import { ComingSoon } from '../../components/ComingSoon';

export function OrganiserPage() {
  return (
    <ComingSoon
      title="组织方看板"
      description="实时在线人数、峰值与观看时长、成交与对接数据看板，即将上线。"
    >
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
    </ComingSoon>
  );
}
