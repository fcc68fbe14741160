import { ComingSoon } from '../../components/ComingSoon';

export function TrainingPage() {
  return (
    <ComingSoon
      title="在线培训"
      description="面向中小企业的系列直播培训即将上线：报名、直播答疑、投票签到与回放学习。"
      features={['趋势篇', '政策篇', '实务篇', '专精特新篇']}
    />
  );
}
