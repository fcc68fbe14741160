package io.livehall.showcase.live;

import reactor.core.publisher.Mono;

/**
 * Orders and GMV of a live session, as the order feature counts them (orders not cancelled). Implemented by the order
 * feature, which already depends on live sessions; live only reads it when a session ends, to keep the figures.
 */
public interface LiveSales {

    Mono<Totals> of(long sessionId);

    /** Orders not cancelled and their total in fen. */
    record Totals(long orders, long gmvFen) {

        public static final Totals NONE = new Totals(0, 0);
    }
}
