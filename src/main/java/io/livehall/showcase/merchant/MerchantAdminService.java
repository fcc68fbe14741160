package io.livehall.showcase.merchant;

import java.time.Duration;
import java.util.List;

import io.livehall.common.error.ApiProblem;
import io.livehall.common.paging.Page;
import io.livehall.common.paging.PageRequest;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Organisers list merchants and suspend or reactivate them; the merchant's users are told, and every
 * {@link MerchantStatusListener} does its part (also when the status was already set, so a repeated request
 * finishes what a failure interrupted).
 */
@Service
class MerchantAdminService {

    private static final Log log = LogFactory.getLog(MerchantAdminService.class);
    private static final Duration LISTENER_TIMEOUT = Duration.ofMinutes(2);

    private final TransactionalOperator tx;
    private final MerchantRepository merchants;
    private final OnboardingNotifier notifier;
    private final List<MerchantStatusListener> listeners;

    MerchantAdminService(MerchantRepository merchants, OnboardingNotifier notifier, List<MerchantStatusListener> listeners,
                         TransactionalOperator tx) {
        this.tx = tx;
        this.merchants = merchants;
        this.notifier = notifier;
        this.listeners = listeners;
    }

    Mono<Page<MerchantView>> list(MerchantStatus status, PageRequest page) {
        return merchants.list(status, page).collectList()
                .map(rows -> Page.of(rows, page.limit(), m -> Long.toString(m.id())));
    }

    Mono<MerchantView> setStatus(long merchantId, MerchantStatus status) {
        return merchants.find(merchantId)
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("商家")))
                .flatMap(before -> before.status() == status ? Mono.just(before)
                        : tx.transactional(merchants.setStatus(merchantId, status)
                                .thenMany(merchants.usersOf(merchantId))
                                .concatMap(user -> notifier.merchantStatus(user, merchantId, status))
                                .then())
                                .then(merchants.find(merchantId)))
                .flatMap(after -> statusChanged(merchantId, status).thenReturn(after));
    }

    /** Sets how many of the merchant's sessions may be live at once (going live past it answers 409). */
    Mono<MerchantView> setLiveAllowance(long merchantId, int allowance) {
        return merchants.setLiveAllowance(merchantId, allowance)
                .flatMap(rows -> rows == 0 ? Mono.error(ApiProblem.notFound("商家")) : merchants.find(merchantId));
    }

    /** Runs every listener (one failing does not stop the others); fails afterwards if any failed. */
    private Mono<Void> statusChanged(long merchantId, MerchantStatus status) {
        return Flux.fromIterable(listeners)
                .concatMapDelayError(l -> (status == MerchantStatus.SUSPENDED ? l.suspended(merchantId) : l.reactivated(merchantId))
                        .timeout(LISTENER_TIMEOUT)
                        .doOnError(e -> log.error("After merchant " + merchantId + " became " + status + ", "
                                + l.getClass().getSimpleName() + " failed; setting the status again retries it", e)))
                .then();
    }
}
