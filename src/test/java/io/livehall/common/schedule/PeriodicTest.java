package io.livehall.common.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.scheduler.VirtualTimeScheduler;

/** A periodic job survives whatever one run does: fail, throw, hang or take longer than its period. */
class PeriodicTest {

    private final VirtualTimeScheduler time = VirtualTimeScheduler.create();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private Periodic periodic;

    @AfterEach
    void stop() {
        if (periodic != null) {
            periodic.dispose();
        }
        time.dispose();
    }

    private Periodic start(Duration period, Duration timeout, java.util.function.Supplier<Mono<?>> job) {
        periodic = Periodic.start("test-job", period, timeout, meters, job, time);
        return periodic;
    }

    private double failures() {
        return meters.counter("livehall.periodic.failures", "job", "test-job").count();
    }

    @Test
    void aFailingOrThrowingRunIsCountedAndTheNextTickRunsAgain() {
        AtomicInteger runs = new AtomicInteger();
        start(Duration.ofSeconds(1), Duration.ofSeconds(5), () -> {
            int n = runs.incrementAndGet();
            if (n == 1) {
                return Mono.error(new IllegalStateException("Redis is down"));
            }
            if (n == 2) {
                throw new IllegalStateException("a bug that throws instead of answering an error");
            }
            return Mono.empty();
        });

        time.advanceTimeBy(Duration.ofSeconds(5));

        assertThat(runs).hasValue(5);
        assertThat(failures()).isEqualTo(2);
        assertThat(periodic.isDisposed()).isFalse();
    }

    @Test
    void aHungRunIsCancelledAfterItsTimeoutAndTheJobGoesOn() {
        AtomicInteger runs = new AtomicInteger();
        AtomicInteger cancelled = new AtomicInteger();
        start(Duration.ofSeconds(1), Duration.ofSeconds(3), () -> runs.incrementAndGet() == 1
                ? Mono.never().doOnCancel(cancelled::incrementAndGet)
                : Mono.empty());

        time.advanceTimeBy(Duration.ofSeconds(3));
        assertThat(runs).hasValue(1); // ticks while the first run hangs are skipped, not queued
        time.advanceTimeBy(Duration.ofSeconds(1));
        assertThat(cancelled).hasValue(1);
        assertThat(failures()).isEqualTo(1);
        time.advanceTimeBy(Duration.ofSeconds(3));
        assertThat(runs.get()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void runsNeverOverlapAndSlowRunsSkipTicksInsteadOfEndingTheLoop() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        AtomicInteger runs = new AtomicInteger();
        start(Duration.ofMillis(100), Duration.ofSeconds(10), () -> Mono.delay(Duration.ofMillis(350), time)
                .doOnSubscribe(s -> {
                    runs.incrementAndGet();
                    most.accumulateAndGet(running.incrementAndGet(), Math::max);
                })
                .doOnTerminate(running::decrementAndGet)); // before concatMap hears of the end (doFinally runs after)

        time.advanceTimeBy(Duration.ofSeconds(10));

        assertThat(most).hasValue(1);
        assertThat(runs.get()).isBetween(20, 30);
        assertThat(failures()).isZero();
        assertThat(periodic.isDisposed()).isFalse();
    }
}
