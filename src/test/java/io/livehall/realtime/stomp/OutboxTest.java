package io.livehall.realtime.stomp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

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
        java.util.List<Long> waits = new java.util.concurrent.CopyOnWriteArrayList<>();
        Outbox<String> timed = new Outbox<>(new Outbox.Limits(100, 1000, 5_000), now::get,
                b -> new String(b, StandardCharsets.UTF_8), overflows::incrementAndGet).measuredBy(waits::add);
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
                .then(() -> assertThat(waits).as("how long the frame sent had waited").containsExactly(5_001L))
                .thenCancel()
                .verify();
        assertThat(overflows).hasValue(1);
    }

    @Test
    void aSpacedKeyLeavesNoSoonerThanItsGapAfterThePreviousFrameAndOnlyItsNewestValue() {
        VirtualTimeScheduler time = VirtualTimeScheduler.create();
        java.util.List<String> sent = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.List<Long> sentAt = new java.util.concurrent.CopyOnWriteArrayList<>();
        Outbox<String> spaced = new Outbox<>(new Outbox.Limits(100, 10_000, 0), () -> time.now(TimeUnit.MILLISECONDS),
                time, b -> new String(b, StandardCharsets.UTF_8), overflows::incrementAndGet);
        spaced.flux().subscribe(frame -> {
            sent.add(frame);
            sentAt.add(time.now(TimeUnit.MILLISECONDS));
        });
        spaced.offerLatest("qa", bytes("v1"), 600);
        assertThat(sent).as("the first frame of a key leaves at once").containsExactly("v1");
        time.advanceTimeBy(Duration.ofMillis(100));
        spaced.offerLatest("qa", bytes("v2"), 600); // a late fan-out's snapshot, then the next one on time
        spaced.offer(bytes("chat")); // other frames are not held back
        time.advanceTimeBy(Duration.ofMillis(200));
        spaced.offerLatest("qa", bytes("v3"), 600);
        assertThat(sent).containsExactly("v1", "chat");
        assertThat(spaced.pending()).as("v3 waits, replacing v2").isEqualTo(1);
        time.advanceTimeBy(Duration.ofMillis(299));
        assertThat(sent).containsExactly("v1", "chat");
        time.advanceTimeBy(Duration.ofMillis(1));
        assertThat(sent).containsExactly("v1", "chat", "v3");
        assertThat(sentAt.get(2) - sentAt.get(0)).isEqualTo(600);
        time.advanceTimeBy(Duration.ofMillis(700));
        spaced.offerLatest("qa", bytes("v4"), 600);
        assertThat(sent).as("more than the gap since v3: at once").endsWith("v4");
        spaced.offerLatest("viewers", bytes("n=1"));
        spaced.offerLatest("viewers", bytes("n=2"));
        assertThat(sent).as("an unspaced key is not held back").endsWith("n=1", "n=2");
        spaced.offerLatest("qa", bytes("v5"), 600);
        spaced.complete();
        time.advanceTimeBy(Duration.ofSeconds(1));
        assertThat(sent).as("a held frame of a closed connection is dropped").doesNotContain("v5");
        assertThat(overflows).hasValue(0);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
