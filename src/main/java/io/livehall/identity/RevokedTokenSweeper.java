package io.livehall.identity;

import java.time.Clock;
import java.time.Duration;

import io.livehall.common.schedule.PeriodicJob;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Deletes logged-out tokens from PostgreSQL once they would have expired anyway (the decoder refuses them by then).
 * Every instance runs it; the deletes are idempotent. Up to 10,000 rows per batch, batches until none is left.
 */
@Component
class RevokedTokenSweeper extends PeriodicJob {

    private static final int BATCH = 10_000;

    private final RevocationStore store;
    private final Clock clock;

    RevokedTokenSweeper(MeterRegistry meters, RevocationStore store, Clock clock) {
        super(meters);
        this.store = store;
        this.clock = clock;
    }

    @Override
    protected Duration period() {
        return Duration.ofMinutes(10);
    }

    @Override
    protected Mono<Long> runOnce() {
        return store.deleteExpired(clock.instant(), BATCH)
                .expand(deleted -> deleted < BATCH ? Mono.empty() : store.deleteExpired(clock.instant(), BATCH))
                .reduce(0L, Long::sum);
    }
}
