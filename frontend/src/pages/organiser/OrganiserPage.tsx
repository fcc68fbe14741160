import { ComingSoon } from '../../components/ComingSoon';

export function OrganiserPage() {
  return (
    <ComingSoon
      title="组织方看板"
      description="实时在线人数、峰值与观看时长、成交与对接数据看板，即将上线。"
    />
  );
}
