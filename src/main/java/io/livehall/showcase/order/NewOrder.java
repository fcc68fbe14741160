package io.livehall.showcase.order;

import java.time.Instant;

/** An order about to be inserted. */
record NewOrder(long buyerId, long merchantId, long productId, String productName, Long dealId, Integer dealShard,
                Long sessionId, Long quoteId, int quantity, long unitPriceFen, String idempotencyKey, String requestHash,
                Recipient recipient, String paymentMethod, Instant payBy) {

    NewOrder withShard(int shard) {
        return new NewOrder(buyerId, merchantId, productId, productName, dealId, shard, sessionId, quoteId, quantity,
                unitPriceFen, idempotencyKey, requestHash, recipient, paymentMethod, payBy);
    }
}
