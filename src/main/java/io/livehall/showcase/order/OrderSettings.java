package io.livehall.showcase.order;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code livehall.orders.*}: how long a buyer has to pay, how often the sweepers run, the order-attempt rate limit,
 * how a flash deal's stock is split and its orders written, and how its gate is reconciled with PostgreSQL.
 *
 * @param payWithin            an unpaid order is cancelled after this
 * @param sweepEvery           how often the unpaid-order sweeper runs
 * @param settleEvery          how often ended deals are settled
 * @param maxAttemptsPerWindow order attempts per buyer per window (for a flash deal: per buyer and deal)
 * @param attemptWindow        the rate-limit window
 * @param dealShards           stock rows a deal's quantity is split into (1–64)
 * @param dealWriters          flash-deal order statements running at once
 * @param dealBatchMax         flash-deal orders per statement (1–1000)
 * @param reconcileEvery       how often each instance reconciles the running deals' gates with PostgreSQL
 * @param reservationMaxAge    a reservation still open after this is resolved from PostgreSQL even though the
 *                             instance that took it is alive (its give-back was lost)
 */
@ConfigurationProperties("livehall.orders")
record OrderSettings(@DefaultValue("15m") Duration payWithin,
                     @DefaultValue("5s") Duration sweepEvery,
                     @DefaultValue("1s") Duration settleEvery,
                     @DefaultValue("30") int maxAttemptsPerWindow,
                     @DefaultValue("10s") Duration attemptWindow,
                     @DefaultValue("16") int dealShards,
                     @DefaultValue("4") int dealWriters,
                     @DefaultValue("100") int dealBatchMax,
                     @DefaultValue("5s") Duration reconcileEvery,
                     @DefaultValue("60s") Duration reservationMaxAge) {

    OrderSettings {
        dealShards = Math.max(1, Math.min(64, dealShards));
        dealWriters = Math.max(1, dealWriters);
        dealBatchMax = Math.max(1, Math.min(1000, dealBatchMax));
    }

    /** When an order placed {@code now} is cancelled unless paid. */
    java.time.Instant payBy(java.time.Instant now) {
        return now.plus(payWithin);
    }
}
