import { Link } from 'react-router-dom';
import { ComingSoon } from '../../components/ComingSoon';

export function MerchantPage() {
  return (
    <ComingSoon
      title="商家中心"
      description="管理入驻申请、商品与直播场次、订单与报价，即将上线。"
    >
      <p>
        <Link className="btn btn-primary" to="/merchant/live" data-testid="merchant-live-link">
          直播管理
        </Link>
      </p>
    </ComingSoon>
  );
}
