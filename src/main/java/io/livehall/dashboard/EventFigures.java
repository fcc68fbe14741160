package io.livehall.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.livehall.common.tally.Measure;
import io.livehall.fair.FairActivity;
import io.livehall.fair.FairFigure;
import io.livehall.fair.FairFigureSource;
import io.livehall.fair.FairSelection;
import io.livehall.training.registration.Registrants;
import io.livehall.training.room.CheckIns;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The running totals of a scope's events (registrations, check-ins, meetings booked and held, no-shows, intentions,
 * signed deals and amounts), read from PostgreSQL through the domains' public faces (the fairs' {@link FairFigureSource}s,
 * training's {@link Registrants} and {@link CheckIns}): the truth, not a counter that a Redis loss would reset. Each
 * source sums all the scope's events in one query (every event for the platform), so a watched dashboard costs the same
 * few indexed counts every {@link #FRESH} whether it covers one fair or thousands; a fair's change on this instance
 * ({@link FairActivity}) drops the kept totals that cover it at once.
 */
@Component
class EventFigures implements SmartLifecycle {

    static final Duration FRESH = Duration.ofSeconds(3);
    /** no-shows: not a tally measure, reported by fairs */
    static final String NO_SHOWS = "noShows";

    private record Kept(Map<String, Long> figures, long until, FairSelection fairs) {
    }

    private final ObjectProvider<FairFigureSource> fairSources;
    private final Registrants registrants;
    private final CheckIns checkIns;
    private final FairActivity activity;
    private final Clock clock;
    private final Map<String, Kept> kept = new ConcurrentHashMap<>();
    private volatile Disposable listening;

    EventFigures(ObjectProvider<FairFigureSource> fairSources, Registrants registrants, CheckIns checkIns,
                 FairActivity activity, Clock clock) {
        this.fairSources = fairSources;
        this.registrants = registrants;
        this.checkIns = checkIns;
        this.activity = activity;
        this.clock = clock;
    }

    /** The totals of every series and fair of a scope, summed (field names as {@link Measure#field()}). */
    Mono<Map<String, Long>> of(Members members) {
        boolean all = members.everything();
        FairSelection fairs = all ? FairSelection.everyFair() : FairSelection.of(members.fairs());
        String key = all ? "all" : members.series() + "/" + members.fairs();
        long now = clock.millis();
        Kept k = kept.get(key);
        if (k != null && k.until() > now) {
            return Mono.just(k.figures());
        }
        Mono<Map<String, Long>> training = !all && members.series().isEmpty() ? Mono.just(Map.of())
                : training(all, members.series());
        Mono<Map<String, Long>> fair = fairs.none() ? Mono.just(Map.of()) : fairs(fairs);
        return Mono.zip(training, fair).map(t -> {
            Map<String, Long> sum = new HashMap<>(t.getT1());
            t.getT2().forEach((f, v) -> sum.merge(f, v, Long::sum));
            Map<String, Long> figures = Map.copyOf(sum);
            kept.put(key, new Kept(figures, now + FRESH.toMillis(), fairs));
            return figures;
        });
    }

    private Mono<Map<String, Long>> training(boolean all, List<Long> series) {
        return Mono.zip(registrants.confirmed(all, series).defaultIfEmpty(0L),
                        checkIns.recordedIn(all, series).defaultIfEmpty(0L))
                .map(t -> Map.of(Measure.REGISTRATIONS.field(), t.getT1(), Measure.CHECK_INS.field(), t.getT2()));
    }

    private Mono<Map<String, Long>> fairs(FairSelection fairs) {
        return Flux.fromStream(fairSources::orderedStream).flatMap(source -> source.figures(fairs))
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
                kept.values().removeIf(k -> k.fairs().all() || k.fairs().fairIds().contains(c.fairId()));
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
