package io.livehall.showcase.quote;

import java.time.Instant;

import io.r2dbc.spi.Readable;

/**
 * A group customer's (集团客户) request for a quote and the merchant's answer. {@code status} is REQUESTED,
 * ANSWERED, ACCEPTED, DECLINED, WITHDRAWN, or EXPIRED (an answer whose {@code validUntil} has passed);
 * {@code orderId} is the order created by accepting it.
 */
record Quote(long id, long buyerId, String buyerName, long enterpriseId, String enterpriseName, long merchantId,
             long productId, String productName, int quantity, String note, String status, Long unitPriceFen,
             Long totalFen, Instant validUntil, String answerNote, Instant answeredAt, Instant createdAt, Long orderId) {

    static final String SELECT = """
            select q.id, q.buyer_id, q.buyer_name, q.enterprise_id, q.enterprise_name, q.merchant_id, q.product_id,
                   q.product_name, q.quantity, q.note, q.status, q.unit_price_fen, q.valid_until, q.answer_note,
                   q.answered_at, q.created_at, o.id as order_id
            from quote_request q left join customer_order o on o.quote_id = q.id
            """;

    /** The row as of {@code now}: an answered quote past its validity reads EXPIRED. */
    static Quote map(Readable row, Instant now) {
        String status = row.get("status", String.class);
        Instant validUntil = row.get("valid_until", Instant.class);
        if ("ANSWERED".equals(status) && validUntil != null && !validUntil.isAfter(now)) {
            status = "EXPIRED";
        }
        Long price = row.get("unit_price_fen", Long.class);
        int quantity = row.get("quantity", Integer.class);
        return new Quote(row.get("id", Long.class), row.get("buyer_id", Long.class), row.get("buyer_name", String.class),
                row.get("enterprise_id", Long.class), row.get("enterprise_name", String.class),
                row.get("merchant_id", Long.class), row.get("product_id", Long.class),
                row.get("product_name", String.class), quantity, row.get("note", String.class), status, price,
                price == null ? null : price * quantity, validUntil, row.get("answer_note", String.class),
                row.get("answered_at", Instant.class), row.get("created_at", Instant.class),
                row.get("order_id", Long.class));
    }
}
