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

    @Test
    void isBoundedByBytesAsWellAsFrames() {
        Outbox<String> small = new Outbox<>(new Outbox.Limits(100, 10, 0), () -> 0L,
                b -> new String(b, StandardCharsets.UTF_8), overflows::incrementAndGet);
        StepVerifier.create(small.flux(), 0)
                .then(() -> {
                    assertThat(small.offer(bytes("12345"))).isTrue();
                    small.offerLatest("viewers", bytes("123"));
                    small.offerLatest("viewers", bytes("12")); // replaces 3 bytes: 7 waiting
                    assertThat(small.pendingBytes()).isEqualTo(7);
                    assertThat(small.offer(bytes("1234"))).as("11 bytes > 10").isFalse();
                })
                .thenRequest(10)
                .expectNext("12345", "12")
                .then(() -> assertThat(small.pendingBytes()).isZero())
                .then(small::complete)
                .verifyComplete();
        assertThat(overflows).hasValue(1);
    }

    @Test
    void isBoundedByHowLongTheOldestFrameHasWaited() {
        java.util.concurrent.atomic.AtomicLong now = new java.util.concurrent.atomic.AtomicLong(1_000);
        Outbox<String> timed = new Outbox<>(new Outbox.Limits(100, 1000, 5_000), now::get,
                b -> new String(b, StandardCharsets.UTF_8), overflows::incrementAndGet);
        StepVerifier.create(timed.flux(), 0)
                .then(() -> {
                    assertThat(timed.offer(bytes("first"))).isTrue();
                    now.addAndGet(5_000);
                    assertThat(timed.overdue(now.get())).as("exactly the limit").isFalse();
                    assertThat(timed.offer(bytes("second"))).isTrue();
                    now.addAndGet(1);
                    assertThat(timed.overdue(now.get())).isTrue();
                    assertThat(timed.offer(bytes("third"))).as("the client has not read for too long").isFalse();
                })
                .thenRequest(1)
                .expectNext("first")
                .then(() -> assertThat(timed.overdue(now.get())).as("the oldest now waited 1 ms").isFalse())
                .thenCancel()
                .verify();
        assertThat(overflows).hasValue(1);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
