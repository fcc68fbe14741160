package io.livehall.fair.matching;

import java.util.Map;

import io.livehall.fair.FairFigure;
import io.livehall.fair.FairFigureSource;
import io.livehall.fair.FairSelection;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Matching's share of a fair's KPIs: MATCHES, the distinct matched participant pairs (automatic and by hand). */
@Component
class MatchFigures implements FairFigureSource {

    private final MatchReadRepository reads;

    MatchFigures(MatchReadRepository reads) {
        this.reads = reads;
    }

    @Override
    public Mono<Map<FairFigure, Long>> figures(FairSelection fairs) {
        return reads.pairCount(fairs).map(count -> Map.of(FairFigure.MATCHES, count));
    }
}
