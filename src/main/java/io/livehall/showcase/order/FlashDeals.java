package io.livehall.showcase.order;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.livehall.common.error.ApiProblem;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Flash deals by id, cached in this instance: a deal's terms never change after it opens, so an order (or a
 * refusal at the gate) needs no PostgreSQL read. Entries are dropped some minutes after the deal ended.
 */
@Component
class FlashDeals {

    private static final Duration KEEP_AFTER_END = Duration.ofMinutes(10);

    private final FlashDealRepository repository;
    private final Map<Long, FlashDeal> cache = new ConcurrentHashMap<>();

    private final Clock clock;

    FlashDeals(FlashDealRepository repository, Clock clock) {
        this.clock = clock;
        this.repository = repository;
    }

    /** The deal; a 404 problem if there is none. */
    Mono<FlashDeal> find(long id) {
        FlashDeal cached = cache.get(id);
        if (cached != null) {
            return Mono.just(cached);
        }
        return repository.find(id)
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("秒杀活动")))
                .doOnNext(this::put);
    }

    void put(FlashDeal deal) {
        cache.put(deal.id(), deal);
        Instant forgetBefore = clock.instant().minus(KEEP_AFTER_END);
        cache.values().removeIf(d -> d.endsAt().isBefore(forgetBefore));
    }
}
