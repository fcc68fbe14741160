package io.livehall.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.livehall.common.tally.Measure;
import io.livehall.fair.FairActivity;
import io.livehall.fair.FairFigure;
import io.livehall.fair.FairFigureSource;
import io.livehall.training.TrainingSessions;
import io.livehall.training.registration.Registrants;
import io.livehall.training.room.CheckIns;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * An event's running totals (registrations, check-ins, meetings booked and held, no-shows, intentions, signed deals and
 * amounts), read from PostgreSQL through the domains' public faces (the fairs' {@link FairFigureSource}s, training's
 * {@link Registrants} and {@link CheckIns}): the truth, not a counter that a Redis loss would reset. Each event's are
 * kept {@link #FRESH} here, so a watched dashboard costs a few indexed counts per event every few seconds; a fair's
 * change on this instance ({@link FairActivity}) drops its entry at once.
 */
@Component
class EventFigures implements SmartLifecycle {

    static final Duration FRESH = Duration.ofSeconds(3);
    /** no-shows: not a tally measure, reported by fairs */
    static final String NO_SHOWS = "noShows";

    private record Kept(Map<String, Long> figures, long until) {
    }

    private final ObjectProvider<FairFigureSource> fairSources;
    private final Registrants registrants;
    private final CheckIns checkIns;
    private final TrainingSessions sessions;
    private final FairActivity activity;
    private final Clock clock;
    private final Map<String, Kept> kept = new ConcurrentHashMap<>();
    private volatile Disposable listening;

    EventFigures(ObjectProvider<FairFigureSource> fairSources, Registrants registrants, CheckIns checkIns,
                 TrainingSessions sessions, FairActivity activity, Clock clock) {
        this.fairSources = fairSources;
        this.registrants = registrants;
        this.checkIns = checkIns;
        this.sessions = sessions;
        this.activity = activity;
        this.clock = clock;
    }

    /** The totals of every series and fair of a scope, summed (field names as {@link Measure#field()}). */
    Mono<Map<String, Long>> of(Members members, Flux<Long> allSeries, Flux<Long> allFairs) {
        Flux<Long> series = members.everything() ? allSeries : Flux.fromIterable(members.series());
        Flux<Long> fairs = members.everything() ? allFairs : Flux.fromIterable(members.fairs());
        return Flux.concat(series.flatMap(id -> cached("training-" + id, () -> training(id)), 4),
                        fairs.flatMap(id -> cached("fair-" + id, () -> fair(id)), 4))
                .reduce(new java.util.HashMap<String, Long>(), (sum, part) -> {
                    part.forEach((k, v) -> sum.merge(k, v, Long::sum));
                    return sum;
                })
                .map(m -> (Map<String, Long>) m);
    }

    private Mono<Map<String, Long>> cached(String key, java.util.function.Supplier<Mono<Map<String, Long>>> read) {
        long now = clock.millis();
        Kept k = kept.get(key);
        if (k != null && k.until() > now) {
            return Mono.just(k.figures());
        }
        return read.get().doOnNext(f -> kept.put(key, new Kept(f, now + FRESH.toMillis())));
    }

    private Mono<Map<String, Long>> training(long seriesId) {
        Mono<Long> checked = sessions.sessionsOf(seriesId)
                .flatMap(s -> checkIns.countsFor(s.id()), 4)
                .flatMapIterable(list -> list)
                .map(CheckIns.CheckInCount::count)
                .reduce(0L, Long::sum);
        return Mono.zip(registrants.confirmed(seriesId).defaultIfEmpty(0L), checked)
                .map(t -> Map.of(Measure.REGISTRATIONS.field(), t.getT1(), Measure.CHECK_INS.field(), t.getT2()));
    }

    private Mono<Map<String, Long>> fair(long fairId) {
        return Flux.fromStream(fairSources::orderedStream).flatMap(source -> source.figures(fairId))
                .reduce(new EnumMap<FairFigure, Long>(FairFigure.class), (sum, part) -> {
                    part.forEach((f, v) -> sum.merge(f, v == null ? 0L : v, Long::sum));
                    return sum;
                })
                .map(f -> Map.of(
                        Measure.REGISTRATIONS.field(), f.getOrDefault(FairFigure.ENTERPRISES, 0L),
                        Measure.MEETINGS_BOOKED.field(), f.getOrDefault(FairFigure.MEETINGS_BOOKED, 0L),
                        Measure.MEETINGS_HELD.field(), f.getOrDefault(FairFigure.MEETINGS_HELD, 0L),
                        NO_SHOWS, f.getOrDefault(FairFigure.NO_SHOWS, 0L),
                        Measure.INTENTIONS.field(), f.getOrDefault(FairFigure.INTENTIONS, 0L),
                        Measure.SIGNED_DEALS.field(), f.getOrDefault(FairFigure.SIGNED, 0L),
                        Measure.SIGNED_AMOUNT_FEN.field(), f.getOrDefault(FairFigure.SIGNED_AMOUNT_FEN, 0L)));
    }

    @Override
    public void start() {
        listening = activity.changes().subscribe(c -> {
            if (c.fairId() > 0) {
                kept.remove("fair-" + c.fairId());
            }
        });
    }

    @Override
    public void stop() {
        Disposable l = listening;
        if (l != null) {
            l.dispose();
        }
    }

    @Override
    public boolean isRunning() {
        Disposable l = listening;
        return l != null && !l.isDisposed();
    }
}
