package io.livehall.common.ratelimit;

import java.time.Duration;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * A fixed-window counter in Redis, shared by all instances: the first hit of a key starts its window,
 * the key expires when the window ends. Used for rate limits (login failures, chat, likes).
 */
@Component
public class FixedWindowCounter {

    private final ReactiveStringRedisTemplate redis;

    FixedWindowCounter(ReactiveStringRedisTemplate redis) {
        this.redis = redis;
    }

    /** Counts one hit and answers the number of hits in the key's current window. */
    public Mono<Long> hit(String key, Duration window) {
        return redis.opsForValue().increment(key)
                .flatMap(n -> (n == 1 ? redis.expire(key, window) : Mono.just(true)).thenReturn(n));
    }
}
