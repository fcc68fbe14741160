package io.livehall.showcase.order;

import java.time.Duration;

import io.livehall.common.schedule.PeriodicJob;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Every second (by default), each instance looks for ended deals not yet settled and settles them. Two
 * instances may try the same deal: the conditional {@code update ... where settled_at is null} lets one win.
 */
@Component
class DealSettlement extends PeriodicJob {

    private final FlashDealService deals;
    private final OrderSettings settings;

    DealSettlement(FlashDealService deals, OrderSettings settings, MeterRegistry meters) {
        super(meters);
        this.deals = deals;
        this.settings = settings;
    }

    @Override
    protected Duration period() {
        return settings.settleEvery();
    }

    @Override
    protected Mono<?> runOnce() {
        return deals.endedUnsettled().concatMap(deals::settle).then();
    }
}
