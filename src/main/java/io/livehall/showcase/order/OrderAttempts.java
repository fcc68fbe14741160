package io.livehall.showcase.order;

import java.time.Duration;

import io.livehall.common.error.ApiProblem;
import io.livehall.common.ratelimit.FixedWindowCounter;
import io.livehall.common.redis.RedisKeys;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Order attempts per buyer (all instances): {@code max-attempts-per-window} per {@code attempt-window}, then 429.
 * Product-page and quote orders count on the buyer's counter ({@code livehall:ratelimit:{<buyer>}:orders}).
 * Flash-deal attempts are counted by the gate's script, in the same Redis call that checks the stock, on a counter
 * of the buyer under the deal's hash tag ({@code livehall:deal:{<deal>}:attempts:<buyer>}): the script may touch the
 * keys of one deal only (Redis Cluster), so the limit holds per buyer and deal.
 */
@Component
class OrderAttempts {

    private final FixedWindowCounter counter;
    private final OrderSettings settings;

    OrderAttempts(FixedWindowCounter counter, OrderSettings settings) {
        this.counter = counter;
        this.settings = settings;
    }

    Mono<Void> count(long buyerId) {
        return counter.hit(key(buyerId), settings.attemptWindow()).flatMap(count -> count <= settings.maxAttemptsPerWindow()
                ? Mono.empty()
                : Mono.error(tooMany(settings.attemptWindow().toMillis())));
    }

    /** The buyer's count of attempts on one deal, for the flash-deal gate to take in its one Redis call. */
    DealGate.AttemptCount forGate(long dealId, long buyerId) {
        return new DealGate.AttemptCount(DealKeys.attemptsKey(dealId, buyerId), settings.attemptWindow().toMillis(),
                settings.maxAttemptsPerWindow());
    }

    /** 429 with Retry-After (whole seconds, at least 1). */
    static ApiProblem tooMany(long retryAfterMillis) {
        return ApiProblem.tooManyRequests("too-many-orders", "下单太频繁，请稍后再试", Duration.ofMillis(retryAfterMillis));
    }

    static String key(long buyerId) {
        return RedisKeys.of("ratelimit", buyerId, "orders");
    }
}
