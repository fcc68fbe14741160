package io.livehall.notification;

import java.time.Clock;
import java.time.Duration;

import io.livehall.common.schedule.PeriodicJob;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Deletes notifications older than {@code livehall.notifications.retention} (90 days by default), every
 * {@code sweep-every}, in batches of {@link #BATCH} (the per-user bound is kept as each notification is stored).
 */
@Component
class NotificationRetention extends PeriodicJob {

    static final int BATCH = 5_000;

    private final NotificationRepository repository;
    private final NotificationSettings settings;
    private final Clock clock;

    NotificationRetention(NotificationRepository repository, NotificationSettings settings, Clock clock,
                          MeterRegistry meters) {
        super(meters);
        this.repository = repository;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    protected Duration period() {
        return settings.sweepEvery();
    }

    @Override
    protected Duration timeout() {
        return Duration.ofMinutes(5);
    }

    /** Deletes what is past the retention, batch after batch; answers how many were deleted. */
    @Override
    protected Mono<Long> runOnce() {
        return repository.deleteOlderThan(clock.instant().minus(settings.retention()), BATCH)
                .expand(n -> n < BATCH ? Mono.empty()
                        : repository.deleteOlderThan(clock.instant().minus(settings.retention()), BATCH))
                .reduce(0L, Long::sum);
    }
}
