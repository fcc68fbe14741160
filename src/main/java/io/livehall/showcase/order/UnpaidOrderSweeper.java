package io.livehall.showcase.order;

import java.time.Duration;

import io.livehall.common.schedule.PeriodicJob;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Every {@code livehall.orders.sweep-every} each instance cancels unpaid orders past {@code pay_by} and returns
 * their stock. Instances may pick the same order: the conditional {@code update ... where status = 'CREATED'}
 * (row-locked) lets exactly one cancel it, and the stock goes back in that same transaction.
 */
@Component
class UnpaidOrderSweeper extends PeriodicJob {

    private final OrderLifecycle lifecycle;
    private final OrderSettings settings;

    UnpaidOrderSweeper(OrderLifecycle lifecycle, OrderSettings settings, MeterRegistry meters) {
        super(meters);
        this.lifecycle = lifecycle;
        this.settings = settings;
    }

    @Override
    protected Duration period() {
        return settings.sweepEvery();
    }

    @Override
    protected Mono<?> runOnce() {
        return lifecycle.expireDue(200);
    }
}
