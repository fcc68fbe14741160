package io.livehall.showcase.order;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * {@code livehall.orders.*}: how long a buyer has to pay, how often the sweepers run, the order-attempt rate
 * limit and how many shards a flash deal's stock is split into.
 */
@Component
class OrderSettings {

    final Duration payWithin;
    final Duration sweepEvery;
    final Duration settleEvery;
    final int maxAttempts;
    final Duration attemptWindow;
    final int dealShards;

    OrderSettings(@Value("${livehall.orders.pay-within:15m}") Duration payWithin,
                  @Value("${livehall.orders.sweep-every:5s}") Duration sweepEvery,
                  @Value("${livehall.orders.settle-every:1s}") Duration settleEvery,
                  @Value("${livehall.orders.max-attempts-per-window:30}") int maxAttempts,
                  @Value("${livehall.orders.attempt-window:10s}") Duration attemptWindow,
                  @Value("${livehall.orders.deal-shards:16}") int dealShards) {
        this.payWithin = payWithin;
        this.sweepEvery = sweepEvery;
        this.settleEvery = settleEvery;
        this.maxAttempts = maxAttempts;
        this.attemptWindow = attemptWindow;
        this.dealShards = Math.max(1, Math.min(64, dealShards));
    }
}
