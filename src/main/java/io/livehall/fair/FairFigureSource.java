package io.livehall.fair;

import java.util.Map;

import reactor.core.publisher.Mono;

/**
 * A feature's share of a fair's KPIs (screening counts enterprises, listings its listings, and so on), read from
 * PostgreSQL. The KPI feature ({@code fair.pipeline}) sums every source bean; a figure no source reports is 0. The
 * organisers' dashboard reads many fairs' figures at once, summed, in one query per source ({@link #figures(FairSelection)}).
 */
public interface FairFigureSource {

    /** One fair's figures. */
    default Mono<Map<FairFigure, Long>> figures(long fairId) {
        return figures(FairSelection.of(fairId));
    }

    /** The selected fairs' figures, summed, in one query whatever their number. */
    Mono<Map<FairFigure, Long>> figures(FairSelection fairs);
}
