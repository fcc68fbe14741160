package io.livehall.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.livehall.common.schedule.Periodic;
import io.livehall.common.schedule.PeriodicJob;
import io.livehall.common.tally.Tally;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * Writes the tally's closed minutes into {@code dashboard_minute} ({@link Periodic}, every {@link #PERIOD}, on every
 * instance): for each scope, each minute still pending in Redis that ended at least {@link #GRACE} ago is written as the
 * absolute figures Redis holds for it ({@code on conflict do update}), then leaves the pending index. A replay, a crash
 * between the write and the removal, or two instances rolling the same minute write the same row again: nothing is
 * counted twice. Minutes stay pending until written, so a restart (within {@link Tally#KEEP}) catches up.
 */
@Component
class MinuteRollup extends PeriodicJob {

    static final Duration PERIOD = Duration.ofSeconds(15);
    /** a minute is closed this long after its end (later increments of it, e.g. clocks apart, are not expected) */
    static final Duration GRACE = Duration.ofSeconds(10);
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private final Tally tally;
    private final MinuteRepository minutes;
    private final Clock clock;

    MinuteRollup(Tally tally, MinuteRepository minutes, Clock clock, MeterRegistry meters) {
        super(meters);
        this.tally = tally;
        this.minutes = minutes;
        this.clock = clock;
    }

    /** Rolls every closed pending minute of every scope; completes with how many minutes were written. */
    Mono<Long> rollClosed() {
        long last = lastClosed(clock.instant());
        return tally.scopes()
                .concatMap(scope -> tally.pending(scope, last).concatMap(minute -> roll(scope, minute)))
                .count();
    }

    /** The last closed minute at {@code now} (epoch minutes): it ended at least {@link #GRACE} ago. */
    static long lastClosed(Instant now) {
        return Math.floorDiv(now.minus(GRACE).getEpochSecond(), 60) - 1;
    }

    /** Writes one minute of one scope as Redis has it, then takes it off the pending index. */
    Mono<Long> roll(String scope, long minute) {
        return tally.minute(scope, minute)
                .flatMap(figures -> minutes.write(scope, Instant.ofEpochSecond(minute * 60), figures))
                .then(tally.rolledUp(scope, minute))
                .thenReturn(minute);
    }

    @Override
    protected String name() {
        return "dashboard-rollup";
    }

    @Override
    protected Duration period() {
        return PERIOD;
    }

    @Override
    protected Duration timeout() {
        return TIMEOUT;
    }

    @Override
    protected Mono<?> runOnce() {
        return rollClosed();
    }
}
