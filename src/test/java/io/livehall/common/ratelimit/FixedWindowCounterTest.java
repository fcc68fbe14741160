package io.livehall.common.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import io.livehall.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/** The counter and its expiry are one script: no counter is ever left without an expiry. */
class FixedWindowCounterTest extends IntegrationTest {

    @Autowired
    FixedWindowCounter counter;

    @Autowired
    ReactiveStringRedisTemplate redis;

    @Test
    void everyHitLeavesTheCounterWithAnExpiryWithinItsWindow() {
        String key = "livehall:test:{" + uniqueName("w") + "}:hits";
        for (int i = 1; i <= 3; i++) {
            FixedWindowCounter.Window w = counter.hit(key, Duration.ofMinutes(5), 1).block(Duration.ofSeconds(5));
            assertThat(w.hits()).isEqualTo(i);
            assertThat(w.endsIn()).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(5));
        }
        assertThat(redis.getExpire(key).block(Duration.ofSeconds(5))).isPositive();
    }

    @Test
    void aCounterThatLostItsExpiryGetsOneBackOnTheNextHit() {
        // what INCR-then-EXPIRE left behind when the EXPIRE was lost: a counter without expiry
        String key = "livehall:test:{" + uniqueName("w") + "}:hits";
        redis.opsForValue().set(key, "99").block(Duration.ofSeconds(5));

        assertThat(counter.hit(key, Duration.ofSeconds(30)).block(Duration.ofSeconds(5))).isEqualTo(100);

        Duration ttl = redis.getExpire(key).block(Duration.ofSeconds(5));
        assertThat(ttl).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(30));
    }
}
