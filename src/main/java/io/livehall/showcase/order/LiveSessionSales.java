package io.livehall.showcase.order;

import io.livehall.showcase.live.LiveSales;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The live feature's view of a session's sales: the same figures the merchant console shows live. */
@Component
class LiveSessionSales implements LiveSales {

    private final OrderRepository orders;

    LiveSessionSales(OrderRepository orders) {
        this.orders = orders;
    }

    @Override
    public Mono<Totals> of(long sessionId) {
        return orders.figures(sessionId).map(f -> new Totals(f[0], f[1])).defaultIfEmpty(Totals.NONE);
    }
}
