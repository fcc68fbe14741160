package io.livehall.showcase.order;

import io.livehall.common.error.ApiProblem;
import io.livehall.common.ratelimit.FixedWindowCounter;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Order attempts per buyer (all instances): {@code max-attempts-per-window} per {@code attempt-window}, then 429. */
@Component
class OrderAttempts {

    private final FixedWindowCounter counter;
    private final OrderSettings settings;

    OrderAttempts(FixedWindowCounter counter, OrderSettings settings) {
        this.counter = counter;
        this.settings = settings;
    }

    Mono<Void> count(long buyerId) {
        return counter.hit("livehall:ratelimit:order:" + buyerId, settings.attemptWindow).flatMap(count -> {
            if (count <= settings.maxAttempts) {
                return Mono.empty();
            }
            long seconds = Math.max(1, settings.attemptWindow.toSeconds());
            ApiProblem problem = new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, "too-many-orders", "下单太频繁，请稍后再试");
            problem.getHeaders().set("Retry-After", Long.toString(seconds));
            problem.getBody().setProperty("retryAfterSeconds", seconds);
            return Mono.error(problem);
        });
    }
}
