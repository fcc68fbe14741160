package io.livehall.showcase.merchant;

import io.livehall.common.error.ApiProblem;
import io.livehall.common.paging.Page;
import io.livehall.common.paging.PageRequest;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Organisers list merchants and suspend or reactivate them; the merchant's users are told. */
@Service
class MerchantAdminService {

    private final MerchantRepository merchants;
    private final OnboardingNotifier notifier;

    MerchantAdminService(MerchantRepository merchants, OnboardingNotifier notifier) {
        this.merchants = merchants;
        this.notifier = notifier;
    }

    Mono<Page<MerchantView>> list(MerchantStatus status, PageRequest page) {
        return merchants.list(status, page).collectList()
                .map(rows -> Page.of(rows, page.limit(), m -> Long.toString(m.id())));
    }

    Mono<MerchantView> setStatus(long merchantId, MerchantStatus status) {
        return merchants.find(merchantId)
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("商家")))
                .flatMap(before -> before.status() == status ? Mono.just(before)
                        : merchants.setStatus(merchantId, status)
                                .thenMany(merchants.usersOf(merchantId))
                                .concatMap(user -> notifier.merchantStatus(user, merchantId, status))
                                .then(merchants.find(merchantId)));
    }
}
