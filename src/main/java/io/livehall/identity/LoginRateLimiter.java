package io.livehall.identity;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import io.livehall.common.error.ApiProblem;
import io.livehall.common.ratelimit.FixedWindowCounter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Slows password guessing: after {@code livehall.login.max-failures} failed logins within the window
 * for one username (or five times that from one address), further attempts get 429 until the window ends.
 * Counters live in Redis so every instance sees the same numbers.
 */
@Component
class LoginRateLimiter {

    private static final String PREFIX = "livehall:login:fail:";
    private static final int ADDRESS_FACTOR = 5;

    private final ReactiveStringRedisTemplate redis;
    private final FixedWindowCounter counter;
    private final int maxFailures;
    private final Duration window;

    LoginRateLimiter(ReactiveStringRedisTemplate redis, FixedWindowCounter counter,
                     @Value("${livehall.login.max-failures:10}") int maxFailures,
                     @Value("${livehall.login.window:5m}") Duration window) {
        this.redis = redis;
        this.counter = counter;
        this.maxFailures = maxFailures;
        this.window = window;
    }

    Mono<Void> checkAllowed(String username, String address) {
        List<String> keys = List.of(userKey(username), addressKey(address));
        return redis.opsForValue().multiGet(keys).flatMap(counts -> {
            boolean userBlocked = count(counts.get(0)) >= maxFailures;
            boolean addressBlocked = count(counts.get(1)) >= (long) maxFailures * ADDRESS_FACTOR;
            if (!userBlocked && !addressBlocked) {
                return Mono.empty();
            }
            return redis.getExpire(userBlocked ? keys.get(0) : keys.get(1))
                    .defaultIfEmpty(window)
                    .flatMap(retryAfter -> Mono.error(tooMany(retryAfter)));
        });
    }

    Mono<Void> recordFailure(String username, String address) {
        return Mono.when(counter.hit(userKey(username), window), counter.hit(addressKey(address), window));
    }

    Mono<Void> recordSuccess(String username) {
        return redis.delete(userKey(username)).then();
    }

    private static ApiProblem tooMany(Duration retryAfter) {
        long seconds = Math.max(1, retryAfter.getSeconds());
        ApiProblem problem = new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, "too-many-login-attempts",
                "登录失败次数过多，请 " + Math.max(1, (seconds + 59) / 60) + " 分钟后再试");
        problem.getHeaders().set("Retry-After", Long.toString(seconds));
        problem.getBody().setProperty("retryAfterSeconds", seconds);
        return problem;
    }

    private static long count(String value) {
        return value == null ? 0 : Long.parseLong(value);
    }

    private static String userKey(String username) {
        return PREFIX + "user:" + username.toLowerCase(Locale.ROOT);
    }

    private static String addressKey(String address) {
        return PREFIX + "addr:" + address;
    }
}
