package io.livehall.realtime.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.livehall.IntegrationTest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Coalescing on the real Redis (its claim script) in real time, with two "instances" of one topic kind taking a burst
 * of changes together, as two application instances would: one publication per window, at most two per wall-clock
 * second, a whole window apart, and the last state published.
 */
class CoalescedPublisherTest extends IntegrationTest {

    @Autowired
    CoalescedPublisher publisher;

    private record Sent(long at, int state) {
    }

    @Test
    void twoInstancesTakingABurstOfAHundredChangesPublishOncePerWindowAndTheLastState() {
        String name = "test-" + UUID.randomUUID().toString().substring(0, 8);
        AtomicInteger state = new AtomicInteger();
        List<Sent> sent = new CopyOnWriteArrayList<>();
        Coalesced a = instance(name, state, sent);
        Coalesced b = instance(name, state, sent);
        a.start();
        b.start();
        try {
            Flux.interval(Duration.ofMillis(25)).take(100)
                    .doOnNext(i -> {
                        state.incrementAndGet();
                        (i % 2 == 0 ? a : b).changed("room");
                    })
                    .blockLast(Duration.ofSeconds(30));
            await("the last state is published").atMost(Duration.ofSeconds(3))
                    .until(() -> !sent.isEmpty() && sent.get(sent.size() - 1).state() == 100);
        } finally {
            a.stop();
            b.stop();
        }

        Map<Long, Integer> perSecond = new TreeMap<>();
        Map<Long, Integer> perWindow = new TreeMap<>();
        sent.forEach(s -> {
            perSecond.merge(s.at() / 1000, 1, Integer::sum);
            perWindow.merge(s.at() / 500, 1, Integer::sum);
        });
        assertThat(perWindow.values()).as("one instance publishes a window").allMatch(n -> n == 1);
        assertThat(perSecond.values()).as("at most two a wall-clock second").allMatch(n -> n <= 2);
        for (int i = 1; i < sent.size(); i++) {
            assertThat(sent.get(i).at() - sent.get(i - 1).at()).as("a window apart, give or take a busy machine's timer")
                    .isGreaterThanOrEqualTo(300);
        }
        assertThat(sent.size()).isBetween(4, 8); // 2.5 s of changes
    }

    @Test
    void namesAreWordsAndUnique() {
        String name = "test-" + UUID.randomUUID().toString().substring(0, 8);
        publisher.register(name, Duration.ofMillis(500), Duration.ZERO, Duration.ofMillis(50), k -> k, k -> Mono.empty());
        assertThatThrownBy(() -> publisher.register(name, Duration.ofMillis(500), Duration.ZERO, Duration.ofMillis(50), k -> k,
                k -> Mono.empty())).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> publisher.register("a b", Duration.ofMillis(500), Duration.ZERO, Duration.ofMillis(50), k -> k,
                k -> Mono.empty())).isInstanceOf(IllegalArgumentException.class);
    }

    private Coalesced instance(String name, AtomicInteger state, List<Sent> sent) {
        return new Coalesced(name, Duration.ofMillis(500), Duration.ZERO, Duration.ofMillis(100), key -> "/topic/test/" + key,
                key -> Mono.fromSupplier(state::get), publisher::claim,
                (destination, payload) -> Mono.fromRunnable(() -> sent.add(new Sent(System.currentTimeMillis(), (Integer) payload))),
                Schedulers.parallel(), new SimpleMeterRegistry());
    }
}
