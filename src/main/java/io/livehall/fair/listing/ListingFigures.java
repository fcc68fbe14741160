package io.livehall.fair.listing;

import java.time.Clock;
import java.util.Map;

import io.livehall.fair.FairFigure;
import io.livehall.fair.FairFigureSource;
import io.livehall.fair.FairSelection;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The LISTINGS KPI of a fair: active listings, valid now, of its approved participants. */
@Component
class ListingFigures implements FairFigureSource {

    private final ListingRepository listings;
    private final Clock clock;

    ListingFigures(ListingRepository listings, Clock clock) {
        this.listings = listings;
        this.clock = clock;
    }

    @Override
    public Mono<Map<FairFigure, Long>> figures(FairSelection fairs) {
        return listings.countActive(fairs, clock.instant()).map(n -> Map.of(FairFigure.LISTINGS, n));
    }
}
