package io.livehall.showcase.order;

import io.livehall.showcase.merchant.MerchantStatusListener;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * A suspended merchant stops selling at once: its running (and upcoming) flash deals close, gate first, their unsold
 * units go back to the product; then its unpaid orders are cancelled with their stock returned, so no buyer pays
 * a merchant that may not trade. Paid orders stay and the merchant still ships them, so no buyer who paid is left
 * stranded. New orders, deals and quotes are refused where they are placed ({@code MerchantAccess}).
 */
@Component
class SuspendedMerchantTrade implements MerchantStatusListener {

    private static final Log log = LogFactory.getLog(SuspendedMerchantTrade.class);

    private final FlashDealService deals;
    private final OrderLifecycle lifecycle;

    SuspendedMerchantTrade(FlashDealService deals, OrderLifecycle lifecycle) {
        this.deals = deals;
        this.lifecycle = lifecycle;
    }

    @Override
    public Mono<Void> suspended(long merchantId) {
        return deals.closeAllOf(merchantId)
                .then(lifecycle.cancelUnpaidOf(merchantId))
                .doOnNext(n -> {
                    if (n > 0) {
                        log.info("Merchant " + merchantId + " suspended: " + n + " unpaid orders cancelled");
                    }
                })
                .then();
    }
}
