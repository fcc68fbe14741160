package io.livehall.fair.pipeline;

import java.util.Map;

import io.livehall.fair.FairFigure;
import io.livehall.fair.FairFigureSource;
import io.livehall.fair.FairSelection;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The pipeline's share of a fair's KPIs: INTENTIONS (pairs that reached an intention and stand at INTENTION or
 * SIGNED), SIGNED, and the intended and signed amounts of those pairs, in fen. A dropped pair counts in neither.
 */
@Component
class PipelineFigures implements FairFigureSource {

    private final PipelineRepository pairs;

    PipelineFigures(PipelineRepository pairs) {
        this.pairs = pairs;
    }

    @Override
    public Mono<Map<FairFigure, Long>> figures(FairSelection fairs) {
        return pairs.figures(fairs);
    }
}
