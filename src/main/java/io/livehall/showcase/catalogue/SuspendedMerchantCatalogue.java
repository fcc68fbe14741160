package io.livehall.showcase.catalogue;

import io.livehall.showcase.merchant.MerchantStatusListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The public catalogue shows only products of ACTIVE merchants (its queries join the merchant's status); when a
 * merchant is suspended or reactivated, its cached product pages and every cached list are evicted at once, so
 * its products leave (or come back to) the hall on every instance without waiting for a cache expiry.
 */
@Component
class SuspendedMerchantCatalogue implements MerchantStatusListener {

    private final ProductCatalogue catalogue;

    SuspendedMerchantCatalogue(ProductCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public Mono<Void> suspended(long merchantId) {
        return catalogue.merchantChanged(merchantId);
    }

    @Override
    public Mono<Void> reactivated(long merchantId) {
        return catalogue.merchantChanged(merchantId);
    }
}
