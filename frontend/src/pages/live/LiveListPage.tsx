import { ComingSoon } from '../../components/ComingSoon';

export function LiveListPage() {
  return (
    <ComingSoon
      title="直播展厅"
      description="名优新特、文创、非遗与旅游纪念产品的直播带货间即将开放：实时讲解、商品置顶、限时秒杀，边看边买。"
      features={['名优新特', '文创', '非遗', '旅游纪念']}
    />
  );
}
