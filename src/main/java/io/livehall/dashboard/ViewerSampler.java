package io.livehall.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.livehall.common.schedule.PeriodicJob;
import io.livehall.common.tally.Measure;
import io.livehall.common.tally.Tally;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Samples presence into the tally every {@link #PERIOD} (on every instance; the minute keeps the largest sample, so two
 * instances sampling agree): per scope with live rooms (the showcase's live sessions, each series' training sessions,
 * each roadshow fair, and the platform; a live session also in its merchant's scope) the viewers now, unique viewers and watch time of its live rooms, summed. A
 * person in two rooms counts in each (rooms' unique viewers are kept per room).
 */
@Component
class ViewerSampler extends PeriodicJob {

    static final Duration PERIOD = Duration.ofSeconds(5);

    private final Snapshots snapshots;
    private final Tally tally;
    private final Clock clock;

    ViewerSampler(Snapshots snapshots, Tally tally, Clock clock, MeterRegistry meters) {
        super(meters);
        this.snapshots = snapshots;
        this.tally = tally;
        this.clock = clock;
    }

    Mono<Void> sample() {
        Instant now = clock.instant();
        long minute = Tally.minuteOf(now);
        return snapshots.audiences(Members.EVERYTHING, now)
                .filter(a -> a.room().live())
                .collectList()
                .flatMapMany(rooms -> {
                    Map<String, long[]> byScope = new HashMap<>();
                    rooms.forEach(a -> {
                        for (String scope : scopesOf(a.room())) {
                            long[] s = byScope.computeIfAbsent(scope, k -> new long[3]);
                            s[0] += a.viewers().now();
                            s[1] += a.viewers().unique();
                            s[2] += a.viewers().watchSeconds();
                        }
                    });
                    return Flux.fromIterable(byScope.entrySet());
                })
                .filter(e -> e.getValue()[0] > 0)
                .concatMap(e -> tally.raise(e.getKey(), minute, Map.of(Measure.VIEWERS_PEAK, e.getValue()[0],
                        Measure.UNIQUE_VIEWERS, e.getValue()[1], Measure.WATCH_SECONDS, e.getValue()[2])))
                .then();
    }

    private static List<String> scopesOf(DashboardReads.RoomRow room) {
        return switch (room.kind()) {
            case "LIVE" -> List.of(Tally.SHOWCASE, Tally.merchant(room.merchantId()), Tally.PLATFORM);
            case "TRAINING" -> List.of(Tally.training(room.seriesId()), Tally.PLATFORM);
            default -> List.of(Tally.fair(room.id()), Tally.PLATFORM);
        };
    }

    @Override
    protected String name() {
        return "dashboard-viewers";
    }

    @Override
    protected Duration period() {
        return PERIOD;
    }

    @Override
    protected Duration timeout() {
        return PERIOD;
    }

    @Override
    protected Mono<?> runOnce() {
        return sample();
    }
}
