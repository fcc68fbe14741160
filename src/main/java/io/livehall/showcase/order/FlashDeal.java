package io.livehall.showcase.order;

import java.time.Instant;

import io.r2dbc.spi.Readable;

/**
 * A flash deal as stored. Everything but the settlement is fixed when it opens, so instances cache it; the one
 * exception, closing it early ({@code closedAt}, its merchant was suspended), reaches other instances through the
 * gate ({@link DealGateStock#closeEarly}).
 */
record FlashDeal(long id, long sessionId, long merchantId, long productId, String productName, long listPriceFen,
                 long priceFen, int quantity, int perBuyerLimit, int shardCount, Instant startsAt, Instant endsAt,
                 Instant settledAt, Integer unsoldReturned, Instant closedAt) {

    static final String COLUMNS = " " + """
            id, session_id, merchant_id, product_id, product_name, list_price_fen, price_fen, quantity,
            per_buyer_limit, shard_count, starts_at, ends_at, settled_at, unsold_returned, closed_at""";

    static FlashDeal map(Readable row) {
        return new FlashDeal(row.get("id", Long.class), row.get("session_id", Long.class),
                row.get("merchant_id", Long.class), row.get("product_id", Long.class),
                row.get("product_name", String.class), row.get("list_price_fen", Long.class),
                row.get("price_fen", Long.class), row.get("quantity", Integer.class),
                row.get("per_buyer_limit", Integer.class), row.get("shard_count", Short.class).intValue(),
                row.get("starts_at", Instant.class), row.get("ends_at", Instant.class),
                row.get("settled_at", Instant.class), row.get("unsold_returned", Integer.class),
                row.get("closed_at", Instant.class));
    }

    boolean upcoming(Instant now) {
        return now.isBefore(startsAt);
    }

    boolean ended(Instant now) {
        return settledAt != null || !now.isBefore(endsAt);
    }

    /** UPCOMING, OPEN, SOLD_OUT or ENDED, given the stock left in the gate. */
    String status(Instant now, long stockLeft) {
        if (ended(now)) {
            return "ENDED";
        }
        if (upcoming(now)) {
            return "UPCOMING";
        }
        return stockLeft <= 0 ? "SOLD_OUT" : "OPEN";
    }

    /** The shard an order of this buyer tries first, so buyers spread over the shards. */
    int preferredShard(long buyerId) {
        return (int) Math.floorMod(Long.hashCode(buyerId * 0x9E3779B97F4A7C15L), (long) shardCount);
    }
}
