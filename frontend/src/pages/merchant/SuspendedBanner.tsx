import { useEffect, useState } from 'react';
import { agreementsApi } from '../../api/merchant';

/** What a suspended merchant may and may not do (the server enforces it; see docs/security.md). */
export const SUSPENDED_TEXT =
  '本商家已被组织方暂停营业：暂停期间不能上架商品、开播、置顶讲解、发起秒杀、确认收款、接新订单或报价；' +
  '正在进行的直播和秒杀已结束，未付款的订单已自动取消。已付款的订单请照常发货。如有疑问请联系组织方。';

/** The banner itself, for pages that already have the merchant's profile. */
export function SuspendedNotice() {
  return (
    <p className="card notice warn" role="alert" data-testid="suspended-banner">
      {SUSPENDED_TEXT}
    </p>
  );
}

/**
 * Shown at the top of every merchant console page while the merchant is suspended: loads the merchant's
 * profile and renders nothing while it is active (or when the profile cannot be read).
 */
export function SuspendedBanner() {
  const [suspended, setSuspended] = useState(false);

  useEffect(() => {
    const ctrl = new AbortController();
    agreementsApi
      .profile(ctrl.signal)
      .then((p) => setSuspended(p?.status === 'SUSPENDED'))
      .catch(() => setSuspended(false));
    return () => ctrl.abort();
  }, []);

  return suspended ? <SuspendedNotice /> : null;
}
