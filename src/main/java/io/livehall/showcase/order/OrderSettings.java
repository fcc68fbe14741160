package io.livehall.showcase.order;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * {@code livehall.orders.*}: how long a buyer has to pay, how often the sweepers run, the order-attempt rate
 * limit, how many shards a flash deal's stock is split into, and how flash-deal orders are written in batches
 * (at most {@code deal-writers} statements at once, up to {@code deal-batch-max} orders each).
 */
@Component
class OrderSettings {

    final Duration payWithin;
    final Duration sweepEvery;
    final Duration settleEvery;
    final int maxAttempts;
    final Duration attemptWindow;
    final int dealShards;
    final int dealWriters;
    final int dealBatchMax;

    OrderSettings(@Value("${livehall.orders.pay-within:15m}") Duration payWithin,
                  @Value("${livehall.orders.sweep-every:5s}") Duration sweepEvery,
                  @Value("${livehall.orders.settle-every:1s}") Duration settleEvery,
                  @Value("${livehall.orders.max-attempts-per-window:30}") int maxAttempts,
                  @Value("${livehall.orders.attempt-window:10s}") Duration attemptWindow,
                  @Value("${livehall.orders.deal-shards:16}") int dealShards,
                  @Value("${livehall.orders.deal-writers:4}") int dealWriters,
                  @Value("${livehall.orders.deal-batch-max:100}") int dealBatchMax) {
        this.payWithin = payWithin;
        this.sweepEvery = sweepEvery;
        this.settleEvery = settleEvery;
        this.maxAttempts = maxAttempts;
        this.attemptWindow = attemptWindow;
        this.dealShards = Math.max(1, Math.min(64, dealShards));
        this.dealWriters = Math.max(1, dealWriters);
        this.dealBatchMax = Math.max(1, Math.min(1000, dealBatchMax));
    }
}
