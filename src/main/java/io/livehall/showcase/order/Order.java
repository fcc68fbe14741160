package io.livehall.showcase.order;

import java.time.Instant;

import io.r2dbc.spi.Readable;

/** An order as its buyer and its merchant see it (money in fen, times UTC). */
public record Order(long id, long buyerId, long merchantId, long productId, String productName, Long dealId,
                    Long sessionId, Long quoteId, int quantity, long unitPriceFen, long totalFen, String status,
                    String recipientName, String recipientPhone, String address, String paymentMethod,
                    String paymentReference, Instant payBy, Instant paidAt, Instant shippedAt, String carrier,
                    String trackingNo, Instant completedAt, Instant cancelledAt, String cancelReason,
                    String cancelledBy, Instant createdAt) {

    static final String COLUMNS = " " + """
            id, buyer_id, merchant_id, product_id, product_name, deal_id, deal_shard, session_id, quote_id, quantity,
            unit_price_fen, total_fen, status, recipient_name, recipient_phone, address, payment_method,
            payment_reference, pay_by, paid_at, shipped_at, carrier, tracking_no, completed_at, cancelled_at,
            cancel_reason, cancelled_by, created_at, request_hash, idempotency_key""";

    /**
     * An order row with what only the server needs: the deal shard its stock came from, the request hash and the
     * Idempotency-Key.
     */
    record Row(Order order, Integer dealShard, String requestHash, String idempotencyKey) {
    }

    static Row map(Readable row) {
        Short shard = row.get("deal_shard", Short.class);
        Order order = new Order(row.get("id", Long.class), row.get("buyer_id", Long.class),
                row.get("merchant_id", Long.class), row.get("product_id", Long.class),
                row.get("product_name", String.class), row.get("deal_id", Long.class), row.get("session_id", Long.class),
                row.get("quote_id", Long.class), row.get("quantity", Integer.class),
                row.get("unit_price_fen", Long.class), row.get("total_fen", Long.class), row.get("status", String.class),
                row.get("recipient_name", String.class), row.get("recipient_phone", String.class),
                row.get("address", String.class), row.get("payment_method", String.class),
                row.get("payment_reference", String.class), row.get("pay_by", Instant.class),
                row.get("paid_at", Instant.class), row.get("shipped_at", Instant.class), row.get("carrier", String.class),
                row.get("tracking_no", String.class), row.get("completed_at", Instant.class),
                row.get("cancelled_at", Instant.class), row.get("cancel_reason", String.class),
                row.get("cancelled_by", String.class), row.get("created_at", Instant.class));
        return new Row(order, shard == null ? null : shard.intValue(), row.get("request_hash", String.class),
                row.get("idempotency_key", String.class));
    }
}
