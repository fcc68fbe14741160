package io.livehall.common.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

/** The near cache's rules, on a hand-moved clock: kept, expired, bounded, evicted while loading, bypassed. */
class NearCacheTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final AtomicBoolean trusted = new AtomicBoolean(true);
    private final AtomicInteger loads = new AtomicInteger();

    private NearCache<String> cache(int maxEntries) {
        return new NearCache<>("test", maxEntries, Duration.ofSeconds(10), trusted::get, now::get, new SimpleMeterRegistry());
    }

    private Mono<String> load(String value) {
        return Mono.fromSupplier(() -> {
            loads.incrementAndGet();
            return value;
        });
    }

    @Test
    void anAnswerIsKeptUntilItsLifetimeEnds() {
        NearCache<String> cache = cache(10);
        assertThat(cache.get("a", () -> load("one")).block()).isEqualTo("one");
        assertThat(cache.get("a", () -> load("two")).block()).isEqualTo("one");
        now.addAndGet(Duration.ofSeconds(10).toNanos() - 1);
        assertThat(cache.get("a", () -> load("two")).block()).isEqualTo("one");
        now.addAndGet(1);
        assertThat(cache.get("a", () -> load("two")).block()).isEqualTo("two");
        assertThat(loads).hasValue(2);
    }

    @Test
    void anEvictionWhileLoadingKeepsTheOldAnswerOut() {
        NearCache<String> cache = cache(10);
        Sinks.One<String> slowRead = Sinks.one();
        StepVerifier.create(cache.get("a", slowRead::asMono))
                .then(() -> {
                    cache.evict("a"); // the change committed while the read was in flight
                    slowRead.tryEmitValue("before the change");
                })
                .expectNext("before the change")
                .verifyComplete();
        assertThat(cache.get("a", () -> load("after the change")).block()).isEqualTo("after the change");

        Sinks.One<String> another = Sinks.one();
        StepVerifier.create(cache.get("b", another::asMono))
                .then(() -> {
                    cache.evictIf((key, value) -> false); // loads in flight always go: their answer is unknown
                    another.tryEmitValue("stale");
                })
                .expectNext("stale")
                .verifyComplete();
        assertThat(cache.get("b", () -> load("fresh")).block()).isEqualTo("fresh");

        Sinks.One<String> third = Sinks.one();
        StepVerifier.create(cache.get("c", third::asMono))
                .then(() -> {
                    cache.clear();
                    third.tryEmitValue("stale");
                })
                .expectNext("stale")
                .verifyComplete();
        assertThat(cache.get("c", () -> load("fresh")).block()).isEqualTo("fresh");
    }

    @Test
    void aSecondReadDuringALoadLoadsOnItsOwnAndTheFirstAnswerIsKept() {
        NearCache<String> cache = cache(10);
        Sinks.One<String> first = Sinks.one();
        StepVerifier.create(cache.get("a", first::asMono))
                .then(() -> {
                    assertThat(cache.get("a", () -> load("second")).block()).isEqualTo("second");
                    first.tryEmitValue("first");
                })
                .expectNext("first")
                .verifyComplete();
        assertThat(cache.get("a", () -> load("third")).block()).isEqualTo("first");
    }

    @Test
    void aKeptAnswerThatDoesNotSuitTheReadIsReplaced() {
        NearCache<String> cache = cache(10);
        assertThat(cache.get("a", v -> v.length() == 3, () -> load("one")).block()).isEqualTo("one");
        assertThat(cache.get("a", v -> v.length() == 3, () -> load("two")).block()).isEqualTo("one");
        assertThat(cache.get("a", v -> v.length() == 5, () -> load("three")).block()).isEqualTo("three");
        assertThat(cache.get("a", v -> v.length() == 5, () -> load("seven")).block()).isEqualTo("three");
        assertThat(loads).hasValue(2);
    }

    @Test
    void evictIfForgetsWhatMatchesOnly() {
        NearCache<String> cache = cache(10);
        cache.get("a", () -> load("x1")).block();
        cache.get("b", () -> load("y1")).block();
        cache.evictIf((key, value) -> value.startsWith("x"));
        assertThat(cache.get("a", () -> load("x2")).block()).isEqualTo("x2");
        assertThat(cache.get("b", () -> load("y2")).block()).isEqualTo("y1");
    }

    @Test
    void nothingEmptyOrFailedIsKept() {
        NearCache<String> cache = cache(10);
        assertThat(cache.get("a", Mono::empty).block()).isNull();
        StepVerifier.create(cache.get("a", () -> Mono.error(new IllegalStateException("down")))).verifyError();
        assertThat(cache.size()).isZero();
        assertThat(cache.get("a", () -> load("there")).block()).isEqualTo("there");
    }

    @Test
    void aCancelledLoadLeavesNoMarkerBehind() {
        NearCache<String> cache = cache(10);
        cache.get("a", Mono::never).subscribe().dispose();
        assertThat(cache.size()).isZero();
        assertThat(cache.get("a", () -> load("one")).block()).isEqualTo("one");
        assertThat(cache.get("a", () -> load("two")).block()).isEqualTo("one");
    }

    @Test
    void pastItsBoundTheExpiredGoFirstThenEverything() {
        NearCache<String> cache = cache(3);
        cache.get("a", () -> load("a")).block();
        cache.get("b", () -> load("b")).block();
        now.addAndGet(Duration.ofSeconds(11).toNanos());
        cache.get("c", () -> load("c")).block();
        assertThat(cache.size()).isEqualTo(3);
        cache.get("d", () -> load("d")).block(); // one too many: the expired a and b go
        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.get("c", () -> load("c2")).block()).isEqualTo("c");
        cache.get("e", () -> load("e")).block();
        cache.get("f", () -> load("f")).block(); // one too many, none expired: all go
        assertThat(cache.size()).isEqualTo(1);
        assertThat(cache.get("c", () -> load("c3")).block()).isEqualTo("c3");
    }

    @Test
    void untrustedItNeitherAnswersNorKeeps() {
        NearCache<String> cache = cache(10);
        cache.get("a", () -> load("kept")).block();
        trusted.set(false);
        assertThat(cache.get("a", () -> load("loaded")).block()).isEqualTo("loaded");
        assertThat(cache.get("b", () -> load("b")).block()).isEqualTo("b");
        cache.clear(); // what NearCaches does when trust is lost
        trusted.set(true);
        assertThat(cache.get("b", () -> load("b2")).block()).isEqualTo("b2");
        assertThat(cache.get("a", () -> load("a2")).block()).isEqualTo("a2");
    }

    @Test
    void itNeedsRoomAndALifetime() {
        assertThatThrownBy(() -> new NearCache<String>("x", 0, Duration.ofSeconds(1), () -> true, now::get,
                new SimpleMeterRegistry())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NearCache<String>("x", 1, Duration.ZERO, () -> true, now::get,
                new SimpleMeterRegistry())).isInstanceOf(IllegalArgumentException.class);
    }
}
