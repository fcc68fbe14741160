package io.livehall.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.livehall.common.schedule.PeriodicJob;
import io.livehall.common.tally.Measure;
import io.livehall.common.tally.Tally;
import io.livehall.realtime.presence.UniqueSketches;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Samples presence into the tally every {@link #PERIOD} (on every instance; the minute keeps the largest sample, so two
 * instances sampling agree): per scope with live rooms (the showcase's live sessions, each series' training sessions,
 * each roadshow fair, and the platform; a live session also in its merchant's scope) the viewers now and watch time of
 * its live rooms, summed, and its unique viewers today: the rooms' sketches merged into the scope's day
 * ({@link ScopeUniques}), so a person in two rooms counts once.
 */
@Component
class ViewerSampler extends PeriodicJob {

    static final Duration PERIOD = Duration.ofSeconds(5);

    /** A scope's live rooms summed: viewers now, watch seconds, and the rooms' sketches of viewers. */
    private record Sum(long[] figures, List<byte[]> sketches) {
    }

    private final Snapshots snapshots;
    private final Tally tally;
    private final UniqueSketches sketches;
    private final ScopeUniques uniques;
    private final Clock clock;

    ViewerSampler(Snapshots snapshots, Tally tally, UniqueSketches sketches, ScopeUniques uniques, Clock clock,
                  MeterRegistry meters) {
        super(meters);
        this.snapshots = snapshots;
        this.tally = tally;
        this.sketches = sketches;
        this.uniques = uniques;
        this.clock = clock;
    }

    Mono<Void> sample() {
        Instant now = clock.instant();
        return snapshots.audiences(Members.EVERYTHING, now)
                .filter(a -> a.room().live())
                .collectList()
                .flatMap(rooms -> record(rooms, now));
    }

    /** Records these live rooms' audience into their scopes' minute (and their viewers into the scopes' day). */
    Mono<Void> record(List<Snapshots.Audience> rooms, Instant now) {
        long minute = Tally.minuteOf(now);
        LocalDate day = Tally.day(now);
        return Flux.fromIterable(rooms)
                .flatMapSequential(a -> sketches.of(Snapshots.roomType(a.room().kind()), Long.toString(a.room().id()))
                        .map(Optional::of).defaultIfEmpty(Optional.empty()), 8)
                .collectList()
                .flatMapIterable(found -> {
                    Map<String, Sum> byScope = new LinkedHashMap<>();
                    for (int i = 0; i < rooms.size(); i++) {
                        Snapshots.Audience a = rooms.get(i);
                        for (String scope : scopesOf(a.room())) {
                            Sum s = byScope.computeIfAbsent(scope, k -> new Sum(new long[2], new ArrayList<>()));
                            s.figures()[0] += a.viewers().now();
                            s.figures()[1] += a.viewers().watchSeconds();
                            found.get(i).ifPresent(s.sketches()::add);
                        }
                    }
                    return byScope.entrySet();
                })
                .filter(e -> e.getValue().figures()[0] > 0)
                .concatMap(e -> uniques.merge(e.getKey(), day, e.getValue().sketches())
                        .flatMap(unique -> tally.raise(e.getKey(), minute, Map.of(
                                Measure.VIEWERS_PEAK, e.getValue().figures()[0], Measure.UNIQUE_VIEWERS, unique,
                                Measure.WATCH_SECONDS, e.getValue().figures()[1]))))
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
