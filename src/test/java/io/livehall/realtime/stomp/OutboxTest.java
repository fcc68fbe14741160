package io.livehall.realtime.stomp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/** The per-connection outbox: demand-driven, LATEST frames coalesced, bounded for the rest. */
class OutboxTest {

    private final AtomicInteger overflows = new AtomicInteger();
    private final Outbox<String> outbox = new Outbox<>(3, b -> new String(b, StandardCharsets.UTF_8), overflows::incrementAndGet);

    @Test
    void aSlowReaderGetsOnlyTheNewestValueOfALatestKey() {
        StepVerifier.create(outbox.flux(), 0)
                .then(() -> {
                    outbox.offerLatest("viewers", bytes("now=1"));
                    outbox.offerLatest("viewers", bytes("now=2"));
                    outbox.offerLatest("viewers", bytes("now=3"));
                    outbox.offerLatest("likes", bytes("total=9"));
                })
                .thenRequest(10)
                .expectNext("now=3", "total=9")
                .then(outbox::complete)
                .verifyComplete();
        assertThat(overflows).hasValue(0);
    }

    @Test
    void eventFramesAreKeptInOrderUpToTheBoundThenOverflow() {
        StepVerifier.create(outbox.flux(), 0)
                .then(() -> {
                    assertThat(outbox.offer(bytes("e1"))).isTrue();
                    assertThat(outbox.offer(bytes("e2"))).isTrue();
                    assertThat(outbox.offer(bytes("e3"))).isTrue();
                    assertThat(outbox.offer(bytes("e4"))).isFalse();
                })
                .thenRequest(10)
                .expectNext("e1", "e2", "e3")
                .then(outbox::complete)
                .verifyComplete();
        assertThat(overflows).hasValue(1);
    }

    @Test
    void sendsWhatIsQueuedBeforeCompleting() {
        StepVerifier.create(outbox.flux(), 1)
                .then(() -> {
                    outbox.offer(bytes("last words"));
                    outbox.complete();
                })
                .expectNext("last words")
                .verifyComplete();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
