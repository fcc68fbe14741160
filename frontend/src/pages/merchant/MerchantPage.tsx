import { Link } from 'react-router-dom';
import { usePageTitle } from '../../lib/usePageTitle';
import { MerchantAgreements } from './MerchantAgreements';

/**
 * 商家中心. Each block of the merchant's work is a section component; add products, live sessions, orders
 * and quotes as further sections below the agreements.
 */
export function MerchantPage() {
  usePageTitle('商家中心');
  return (
    <section className="container page merchant-page" data-testid="merchant-page">
      <h1>商家中心</h1>
      <MerchantAgreements />
      <nav className="merchant-sections" aria-label="商家功能">
        <Link className="btn btn-primary" to="/merchant/products" data-testid="merchant-products-link">
          商品管理
        </Link>
        <Link className="btn btn-primary" to="/merchant/live" data-testid="merchant-live-link">
          直播管理
        </Link>
        <Link className="btn btn-primary" to="/merchant/orders" data-testid="merchant-orders-link">
          订单管理
        </Link>
        <Link className="btn btn-primary" to="/merchant/quotes" data-testid="merchant-quotes-link">
          集团采购报价
        </Link>
        <Link className="btn btn-primary" to="/merchant/dashboard/report" data-testid="merchant-dashboard-link">
          经营数据
        </Link>
      </nav>
    </section>
  );
}
