package io.livehall.showcase.order;

import java.time.Instant;
import java.util.List;

import io.livehall.common.paging.PageRequest;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Orders (SQL). Status changes are conditional updates: the WHERE names the state they start from. */
@Repository
class OrderRepository {

    private final DatabaseClient db;

    OrderRepository(DatabaseClient db) {
        this.db = db;
    }

    /** Inserts the order; empty if this buyer already used the Idempotency-Key (the unique constraint decides). */
    Mono<Order.Row> insert(NewOrder o) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                        insert into customer_order (buyer_id, merchant_id, product_id, product_name, deal_id, deal_shard,
                            session_id, quote_id, quantity, unit_price_fen, total_fen, idempotency_key, request_hash,
                            recipient_name, recipient_phone, address, payment_method, pay_by)
                        values (:buyer, :merchant, :product, :productName, :deal, :shard, :session, :quote, :quantity,
                            :price, :price * :quantity, :key, :hash, :name, :phone, :address, :method, :payBy)
                        on conflict (buyer_id, idempotency_key) do nothing
                        returning """ + Order.COLUMNS)
                .bind("buyer", o.buyerId()).bind("merchant", o.merchantId()).bind("product", o.productId())
                .bind("productName", o.productName()).bind("quantity", o.quantity()).bind("price", o.unitPriceFen())
                .bind("key", o.idempotencyKey()).bind("hash", o.requestHash()).bind("name", o.recipient().name())
                .bind("phone", o.recipient().phone()).bind("address", o.recipient().address())
                .bind("method", o.paymentMethod()).bind("payBy", o.payBy());
        spec = o.dealId() == null ? spec.bindNull("deal", Long.class) : spec.bind("deal", o.dealId());
        spec = o.dealShard() == null ? spec.bindNull("shard", Short.class) : spec.bind("shard", o.dealShard().shortValue());
        spec = o.sessionId() == null ? spec.bindNull("session", Long.class) : spec.bind("session", o.sessionId());
        spec = o.quoteId() == null ? spec.bindNull("quote", Long.class) : spec.bind("quote", o.quoteId());
        return spec.map(Order::map).one();
    }

    /**
     * A flash-deal order in one statement ({@code place_flash_deal_order}, V5): holding, one free shard, the row.
     * Its refusals come back as {@link OrderProblems.Signal}s.
     */
    Mono<Order.Row> insertDealOrder(NewOrder o, int limit, int firstShard, int shards) {
        return db.sql("select" + Order.COLUMNS + " from place_flash_deal_order(:deal, :buyer, :n, :limit, :first, :shards,"
                        + " :merchant, :product, :productName, :session, :price, :key, :hash, :name, :phone, :address, :payBy)")
                .bind("deal", o.dealId()).bind("buyer", o.buyerId()).bind("n", o.quantity()).bind("limit", limit)
                .bind("first", firstShard).bind("shards", shards).bind("merchant", o.merchantId())
                .bind("product", o.productId()).bind("productName", o.productName()).bind("session", o.sessionId())
                .bind("price", o.unitPriceFen()).bind("key", o.idempotencyKey()).bind("hash", o.requestHash())
                .bind("name", o.recipient().name()).bind("phone", o.recipient().phone())
                .bind("address", o.recipient().address()).bind("payBy", o.payBy())
                .map(Order::map).one()
                .onErrorMap(OrderRepository::signalOf);
    }

    /**
     * Several orders of one deal in one statement ({@code place_flash_deal_orders}, V6): the placed ones come back,
     * the others (limit, key taken, no free shard with the units) are left out, holding nothing.
     */
    Flux<Order.Row> insertDealOrders(FlashDeal deal, List<NewOrder> batch) {
        int size = batch.size();
        Long[] buyers = new Long[size];
        Integer[] quantities = new Integer[size];
        String[] keys = new String[size];
        String[] hashes = new String[size];
        String[] names = new String[size];
        String[] phones = new String[size];
        String[] addresses = new String[size];
        for (int i = 0; i < size; i++) {
            NewOrder o = batch.get(i);
            buyers[i] = o.buyerId();
            quantities[i] = o.quantity();
            keys[i] = o.idempotencyKey();
            hashes[i] = o.requestHash();
            names[i] = o.recipient().name();
            phones[i] = o.recipient().phone();
            addresses[i] = o.recipient().address();
        }
        NewOrder first = batch.get(0);
        return db.sql("select" + Order.COLUMNS + " from place_flash_deal_orders(:deal, :limit, :first, :shards, :merchant,"
                        + " :product, :productName, :session, :price, :payBy, :buyers, :ns, :keys::text[], :hashes::text[],"
                        + " :names::text[], :phones::text[], :addresses::text[])")
                .bind("deal", deal.id()).bind("limit", deal.perBuyerLimit())
                .bind("first", deal.preferredShard(first.buyerId())).bind("shards", deal.shardCount())
                .bind("merchant", deal.merchantId()).bind("product", deal.productId())
                .bind("productName", deal.productName()).bind("session", deal.sessionId())
                .bind("price", deal.priceFen()).bind("payBy", first.payBy())
                .bind("buyers", buyers).bind("ns", quantities).bind("keys", keys).bind("hashes", hashes)
                .bind("names", names).bind("phones", phones).bind("addresses", addresses)
                .map(Order::map).all()
                .onErrorMap(OrderRepository::signalOf);
    }

    private static Throwable signalOf(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof io.r2dbc.spi.R2dbcException r2dbc && r2dbc.getSqlState() != null) {
                return switch (r2dbc.getSqlState()) {
                    case "LH001" -> OrderProblems.Signal.LIMIT_IN_DB;
                    case "LH002" -> OrderProblems.Signal.NO_FREE_SHARD;
                    case "LH003" -> OrderProblems.Signal.KEY_TAKEN;
                    default -> e;
                };
            }
        }
        return e;
    }

    Mono<Order.Row> find(long id) {
        return db.sql("select " + Order.COLUMNS + " from customer_order where id = :id").bind("id", id)
                .map(Order::map).one();
    }

    Mono<Order.Row> findByKey(long buyerId, String key) {
        return db.sql("select " + Order.COLUMNS + " from customer_order where buyer_id = :b and idempotency_key = :k")
                .bind("b", buyerId).bind("k", key).map(Order::map).one();
    }

    /** A buyer's or a merchant's orders, newest first, optionally of one status / live session. */
    Flux<Order> list(String owner, long ownerId, String status, Long sessionId, PageRequest page) {
        StringBuilder sql = new StringBuilder("select " + Order.COLUMNS + " from customer_order where ")
                .append(owner).append(" = :owner");
        if (status != null) {
            sql.append(" and status = :status");
        }
        if (sessionId != null) {
            sql.append(" and session_id = :session");
        }
        if (page.afterId() != null) {
            sql.append(" and id < :after");
        }
        sql.append(" order by id desc limit :limit");
        DatabaseClient.GenericExecuteSpec spec = db.sql(sql.toString()).bind("owner", ownerId).bind("limit", page.limit() + 1);
        if (status != null) {
            spec = spec.bind("status", status);
        }
        if (sessionId != null) {
            spec = spec.bind("session", sessionId);
        }
        if (page.afterId() != null) {
            spec = spec.bind("after", page.afterId());
        }
        return spec.map(row -> Order.map(row).order()).all();
    }

    Mono<Order.Row> markPaid(long id, long merchantId, String method, String reference) {
        return db.sql("""
                        update customer_order set status = 'PAID', paid_at = now(), payment_method = :method,
                               payment_reference = :ref, updated_at = now()
                        where id = :id and merchant_id = :m and status = 'CREATED'
                        returning """ + Order.COLUMNS)
                .bind("id", id).bind("m", merchantId).bind("method", method).bind("ref", reference)
                .map(Order::map).one();
    }

    Mono<Order.Row> ship(long id, long merchantId, String carrier, String trackingNo) {
        return db.sql("""
                        update customer_order set status = 'SHIPPED', shipped_at = now(), carrier = :carrier,
                               tracking_no = :no, updated_at = now()
                        where id = :id and merchant_id = :m and status = 'PAID'
                        returning """ + Order.COLUMNS)
                .bind("id", id).bind("m", merchantId).bind("carrier", carrier).bind("no", trackingNo)
                .map(Order::map).one();
    }

    Mono<Order.Row> complete(long id, long buyerId) {
        return db.sql("""
                        update customer_order set status = 'COMPLETED', completed_at = now(), updated_at = now()
                        where id = :id and buyer_id = :b and status = 'SHIPPED'
                        returning """ + Order.COLUMNS)
                .bind("id", id).bind("b", buyerId).map(Order::map).one();
    }

    /** Cancels a CREATED order of this buyer or merchant ({@code owner} is the column that must match). */
    Mono<Order.Row> cancel(long id, String owner, long ownerId, String by, String reason) {
        return db.sql("""
                        update customer_order set status = 'CANCELLED', cancelled_at = now(), cancelled_by = :by,
                               cancel_reason = :reason, updated_at = now()
                        where id = :id and %s = :owner and status = 'CREATED'
                        returning %s""".formatted(owner, Order.COLUMNS))
                .bind("id", id).bind("owner", ownerId).bind("by", by).bind("reason", reason)
                .map(Order::map).one();
    }

    /** A merchant's unpaid orders, oldest first (candidates: the cancellation itself is conditional). */
    Flux<Long> unpaidOfMerchant(long merchantId) {
        return db.sql("select id from customer_order where merchant_id = :m and status = 'CREATED' order by id")
                .bind("m", merchantId).map(row -> row.get(0, Long.class)).all();
    }

    /** Unpaid orders past their deadline (candidates; {@link #expire} decides under the row lock). */
    Flux<Long> dueUnpaid(int batch) {
        return db.sql("select id from customer_order where status = 'CREATED' and pay_by < now() order by pay_by limit :batch")
                .bind("batch", batch).map(row -> row.get(0, Long.class)).all();
    }

    /** Cancels an unpaid order past its deadline; empty if it was paid or cancelled meanwhile (e.g. by another instance). */
    Mono<Order.Row> expire(long id) {
        return db.sql("""
                        update customer_order set status = 'CANCELLED', cancelled_at = now(), cancelled_by = 'SYSTEM',
                               cancel_reason = '超时未支付，已自动取消', updated_at = now()
                        where id = :id and status = 'CREATED' and pay_by < now()
                        returning """ + Order.COLUMNS)
                .bind("id", id).map(Order::map).one();
    }

    /** Orders and GMV (fen) of a live session, cancelled orders excluded. */
    Mono<long[]> figures(long sessionId) {
        return db.sql("""
                        select count(*), coalesce(sum(total_fen), 0) from customer_order
                        where session_id = :s and status <> 'CANCELLED'""")
                .bind("s", sessionId)
                .map(row -> new long[] {((Number) row.get(0)).longValue(), ((Number) row.get(1)).longValue()})
                .one();
    }

    /** Every order of a buyer or merchant for export, newest first, within an optional creation-time range. */
    Flux<Order> export(String owner, long ownerId, String status, Long sessionId, Instant from, Instant to) {
        StringBuilder sql = new StringBuilder("select " + Order.COLUMNS + " from customer_order where ")
                .append(owner).append(" = :owner");
        if (status != null) {
            sql.append(" and status = :status");
        }
        if (sessionId != null) {
            sql.append(" and session_id = :session");
        }
        if (from != null) {
            sql.append(" and created_at >= :from");
        }
        if (to != null) {
            sql.append(" and created_at < :to");
        }
        sql.append(" order by id desc limit 100000");
        DatabaseClient.GenericExecuteSpec spec = db.sql(sql.toString()).bind("owner", ownerId);
        if (status != null) {
            spec = spec.bind("status", status);
        }
        if (sessionId != null) {
            spec = spec.bind("session", sessionId);
        }
        if (from != null) {
            spec = spec.bind("from", from);
        }
        if (to != null) {
            spec = spec.bind("to", to);
        }
        return spec.map(row -> Order.map(row).order()).all();
    }
}
