package io.livehall.showcase.order;

import io.livehall.common.error.ApiProblem;
import io.livehall.common.ratelimit.FixedWindowCounter;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Order attempts per buyer (all instances): {@code max-attempts-per-window} per {@code attempt-window}, then 429.
 * Flash-deal attempts are counted by the gate's script, in the same Redis call that checks the stock.
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

    /** The same count, for the flash-deal gate to take in its one Redis call. */
    DealGate.AttemptCount forGate(long buyerId) {
        return new DealGate.AttemptCount(key(buyerId), settings.attemptWindow().toMillis(), settings.maxAttemptsPerWindow());
    }

    /** 429 with Retry-After (whole seconds, at least 1). */
    static ApiProblem tooMany(long retryAfterMillis) {
        long seconds = Math.max(1, (retryAfterMillis + 999) / 1000);
        ApiProblem problem = new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, "too-many-orders", "下单太频繁，请稍后再试");
        problem.getHeaders().set("Retry-After", Long.toString(seconds));
        problem.getBody().setProperty("retryAfterSeconds", seconds);
        return problem;
    }

    private static String key(long buyerId) {
        return "livehall:ratelimit:order:" + buyerId;
    }
}
