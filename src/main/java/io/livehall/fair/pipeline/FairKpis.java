package io.livehall.fair.pipeline;

import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.livehall.fair.Fair;
import io.livehall.fair.FairFigure;
import io.livehall.fair.FairFigureSource;
import io.livehall.fair.FairStaff;
import io.livehall.fair.Fairs;
import io.livehall.fair.pipeline.PipelineViews.FairKpi;
import io.livehall.fair.pipeline.PipelineViews.KpiTable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The organisers' KPIs: the sum of what every {@link FairFigureSource} bean reports for a fair (screening, listings,
 * matching, meetings, this pipeline), each figure present (0 when no source counts it), plus the pipeline's pairs per
 * stage (the funnel). Across fairs: one row per fair the organiser runs and the totals.
 */
@Component
class FairKpis {

    private final Fairs fairs;
    private final ObjectProvider<FairFigureSource> sources;
    private final PipelineRepository pairs;
    private final Clock clock;

    FairKpis(Fairs fairs, ObjectProvider<FairFigureSource> sources, PipelineRepository pairs, Clock clock) {
        this.fairs = fairs;
        this.sources = sources;
        this.pairs = pairs;
        this.clock = clock;
    }

    /** The KPIs of a fair this person runs; 404 otherwise. */
    Mono<FairKpi> of(FairStaff who, long fairId) {
        return fairs.runBy(who, fairId).flatMap(this::of);
    }

    /** The KPIs of a fair, unchecked (the live topic's guard has checked its subscribers). */
    Mono<FairKpi> of(long fairId) {
        return fairs.find(fairId).flatMap(this::of);
    }

    /** Every fair this person runs, newest first, and the totals. */
    Mono<KpiTable> across(FairStaff who) {
        return fairs.idsRunBy(who).concatMap(this::of).collectList()
                .map(rows -> new KpiTable(rows, sum(rows.stream().map(FairKpi::figures).toList()), clock.instant()));
    }

    private Mono<FairKpi> of(Fair fair) {
        return Mono.zip(figures(fair.id()), pairs.stages(fair.id()))
                .map(t -> new FairKpi(fair.id(), fair.title(), fair.startsAt(), fair.endsAt(), t.getT1(), t.getT2(),
                        clock.instant()));
    }

    private Mono<Map<FairFigure, Long>> figures(long fairId) {
        return Flux.fromStream(sources::orderedStream).flatMap(source -> source.figures(fairId)).collectList()
                .map(FairKpis::sum);
    }

    /** Every figure, each the sum of the parts that report it (saturating, never overflowing). */
    static Map<FairFigure, Long> sum(List<Map<FairFigure, Long>> parts) {
        Map<FairFigure, Long> total = new EnumMap<>(FairFigure.class);
        for (FairFigure figure : FairFigure.values()) {
            total.put(figure, 0L);
        }
        for (Map<FairFigure, Long> part : parts) {
            part.forEach((figure, value) -> total.merge(figure, value == null ? 0L : value, FairKpis::add));
        }
        return total;
    }

    private static long add(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }
}
