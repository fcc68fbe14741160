import { ComingSoon } from '../../components/ComingSoon';

export function FairPage() {
  return (
    <ComingSoon
      title="供需对接"
      description="线上对接会即将上线：发布供需信息、智能匹配、预约洽谈与跟进签约。"
      features={['采购对接会', '融资路演', '产业链对接']}
    />
  );
}
