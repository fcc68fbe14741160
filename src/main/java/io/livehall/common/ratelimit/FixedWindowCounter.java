package io.livehall.common.ratelimit;

import java.time.Duration;
import java.util.List;

import io.livehall.common.redis.RedisScripts;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * A fixed-window counter in Redis, shared by all instances: the first hit of a key starts its window,
 * the key expires when the window ends. Counting and the expiry are one script ({@code redis/fixed-window-hit.lua}),
 * so a counter can never be left without its expiry (which would lock someone out for ever). Used for rate limits
 * (login failures, chat, likes, uploads).
 */
@Component
public class FixedWindowCounter {

    /** Hits counted in the current window, and how long until it ends. */
    public record Window(long hits, Duration endsIn) {
    }

    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> HIT = RedisScripts.load("fixed-window-hit", List.class);

    private final ReactiveStringRedisTemplate redis;

    FixedWindowCounter(ReactiveStringRedisTemplate redis) {
        this.redis = redis;
    }

    /** Counts one hit and answers the number of hits in the key's current window. */
    public Mono<Long> hit(String key, Duration window) {
        return hit(key, window, 1).map(Window::hits);
    }

    /** Counts {@code hits} and answers the key's window as it is now. */
    public Mono<Window> hit(String key, Duration window, long hits) {
        return redis.execute(HIT, List.of(key), List.of(Long.toString(window.toMillis()), Long.toString(hits)))
                .next()
                .map(values -> new Window(((Number) values.get(0)).longValue(),
                        Duration.ofMillis(((Number) values.get(1)).longValue())));
    }
}
