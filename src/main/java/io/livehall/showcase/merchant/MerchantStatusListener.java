package io.livehall.showcase.merchant;

import reactor.core.publisher.Mono;

/**
 * What another feature does when an organiser changes a merchant's status, after the change is committed:
 * on suspension the catalogue hides its products, live sessions end, flash deals close and unpaid orders are
 * cancelled; on reactivation its products come back. Implementations are idempotent: setting the same status
 * again runs them again, so an organiser repeats the request to finish what an outage interrupted.
 */
public interface MerchantStatusListener {

    Mono<Void> suspended(long merchantId);

    default Mono<Void> reactivated(long merchantId) {
        return Mono.empty();
    }
}
