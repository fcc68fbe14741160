package io.livehall.showcase.order;

import java.time.Instant;
import java.util.List;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Flash deals, their stock shards and per-buyer holdings (SQL). */
@Repository
class FlashDealRepository {

    private final DatabaseClient db;

    FlashDealRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<FlashDeal> find(long id) {
        return db.sql("select " + FlashDeal.COLUMNS + " from flash_deal where id = :id").bind("id", id)
                .map(FlashDeal::map).one();
    }

    /** Serialises deal openings of one session (transaction-scoped advisory lock). */
    Mono<Void> lockSession(long sessionId) {
        return db.sql("select pg_advisory_xact_lock(5, hashtext('flash_deal:' || :s)) ")
                .bind("s", Long.toString(sessionId)).fetch().rowsUpdated().then();
    }

    Mono<Boolean> hasActiveDeal(long sessionId) {
        return db.sql("select exists (select 1 from flash_deal where session_id = :s and settled_at is null and ends_at > now())")
                .bind("s", sessionId).map(row -> row.get(0, Boolean.class)).one();
    }

    Mono<FlashDeal> insert(long sessionId, long merchantId, long productId, String productName, long listPriceFen,
                           long priceFen, int quantity, int limit, int shards, Instant startsAt, Instant endsAt) {
        return db.sql("""
                        insert into flash_deal (session_id, merchant_id, product_id, product_name, list_price_fen, price_fen,
                                                quantity, per_buyer_limit, shard_count, starts_at, ends_at)
                        values (:session, :merchant, :product, :name, :listPrice, :price, :quantity, :limit, :shards,
                                :starts, :ends)
                        returning """ + FlashDeal.COLUMNS)
                .bind("session", sessionId).bind("merchant", merchantId).bind("product", productId)
                .bind("name", productName).bind("listPrice", listPriceFen).bind("price", priceFen)
                .bind("quantity", quantity).bind("limit", limit).bind("shards", (short) shards)
                .bind("starts", startsAt).bind("ends", endsAt)
                .map(FlashDeal::map).one();
    }

    /** Splits the quantity evenly over the shards (the first {@code quantity % shards} get one more). */
    Mono<Void> insertShards(long dealId, int quantity, int shards) {
        return db.sql("""
                        insert into flash_deal_stock (deal_id, shard, remaining)
                        select :deal, s, :q / :n + case when s < :q % :n then 1 else 0 end
                        from generate_series(0, :n - 1) s""")
                .bind("deal", dealId).bind("q", quantity).bind("n", shards)
                .fetch().rowsUpdated().then();
    }

    Flux<FlashDeal> ofSession(long sessionId, int limit) {
        return db.sql("select " + FlashDeal.COLUMNS + " from flash_deal where session_id = :s order by id desc limit :l")
                .bind("s", sessionId).bind("l", limit).map(FlashDeal::map).all();
    }

    /** The merchant's deals that have not ended (running or about to start). */
    Flux<Long> notEndedOf(long merchantId) {
        return db.sql("select id from flash_deal where merchant_id = :m and settled_at is null and ends_at > now() order by id")
                .bind("m", merchantId).map(row -> row.get(0, Long.class)).all();
    }

    /**
     * Ends the deal now, before its time (its merchant was suspended): {@code closed_at} says so and {@code ends_at}
     * moves to now, so settlement returns its unsold quantity. Empty if it had ended already.
     */
    Mono<FlashDeal> closeEarly(long dealId) {
        return db.sql("""
                        update flash_deal set closed_at = now(), ends_at = least(ends_at, now())
                        where id = :id and settled_at is null and ends_at > now()
                        returning""" + FlashDeal.COLUMNS)
                .bind("id", dealId).map(FlashDeal::map).one();
    }

    /** Deals whose end has passed and whose unsold quantity has not gone back yet. */
    Flux<Long> endedUnsettled(int limit) {
        return db.sql("select id from flash_deal where settled_at is null and ends_at <= now() order by ends_at limit :l")
                .bind("l", limit).map(row -> row.get(0, Long.class)).all();
    }

    /** Deals not settled yet (upcoming, running, or ended moments ago), the soonest to end first. */
    Flux<FlashDeal> unsettled(int limit) {
        return db.sql("select" + FlashDeal.COLUMNS + " from flash_deal where settled_at is null order by ends_at limit :l")
                .bind("l", limit).map(FlashDeal::map).all();
    }

    /** Claims the settlement of an ended deal; empty if another transaction (instance) already did it. */
    Mono<FlashDeal> claimSettlement(long dealId) {
        return db.sql("""
                        update flash_deal set settled_at = now(), unsold_returned = 0
                        where id = :id and settled_at is null and ends_at <= now()
                        returning """ + FlashDeal.COLUMNS)
                .bind("id", dealId).map(FlashDeal::map).one();
    }

    /** Empties every shard (waiting for orders still holding one) and answers what was left in them. */
    Mono<Integer> drainShards(long dealId) {
        return db.sql("""
                        with locked as (select shard, remaining from flash_deal_stock where deal_id = :d
                                        order by shard for update),
                             drained as (update flash_deal_stock f set remaining = 0 from locked
                                         where f.deal_id = :d and f.shard = locked.shard returning locked.remaining)
                        select coalesce(sum(remaining), 0)::int from drained""")
                .bind("d", dealId).map(row -> row.get(0, Integer.class)).one();
    }

    Mono<Void> recordUnsold(long dealId, int unsold) {
        return db.sql("update flash_deal set unsold_returned = :u where id = :id")
                .bind("u", unsold).bind("id", dealId).fetch().rowsUpdated().then();
    }

    /** What the gate is rebuilt from: the stock left in the shards and what each buyer holds. */
    Mono<Long> remaining(long dealId) {
        return db.sql("select coalesce(sum(remaining), 0) from flash_deal_stock where deal_id = :d")
                .bind("d", dealId).map(row -> ((Number) row.get(0)).longValue()).one();
    }

    Flux<List<Object>> holdings(long dealId) {
        return db.sql("select buyer_id, bought from flash_deal_buyer where deal_id = :d and bought > 0")
                .bind("d", dealId)
                .map(row -> List.<Object>of(row.get("buyer_id", Long.class), row.get("bought", Integer.class))).all();
    }

    /** Whether the deal has been settled, locking its row so a settlement cannot run concurrently. */
    Mono<Boolean> lockSettled(long dealId) {
        return db.sql("select settled_at is not null from flash_deal where id = :d for update")
                .bind("d", dealId).map(row -> row.get(0, Boolean.class)).one();
    }

    // ---- orders' side of the deal

    /** Adds to what the buyer holds, only while it stays within the limit; empty when the limit is reached. */
    Mono<Integer> holdMore(long dealId, long buyerId, int n, int limit) {
        return db.sql("""
                        insert into flash_deal_buyer (deal_id, buyer_id, bought) values (:d, :b, :n)
                        on conflict (deal_id, buyer_id) do update set bought = flash_deal_buyer.bought + excluded.bought
                        where flash_deal_buyer.bought + excluded.bought <= :limit
                        returning bought""")
                .bind("d", dealId).bind("b", buyerId).bind("n", n).bind("limit", limit)
                .map(row -> row.get(0, Integer.class)).one();
    }

    Mono<Void> holdLess(long dealId, long buyerId, int n) {
        return db.sql("update flash_deal_buyer set bought = greatest(bought - :n, 0) where deal_id = :d and buyer_id = :b")
                .bind("d", dealId).bind("b", buyerId).bind("n", n).fetch().rowsUpdated().then();
    }

    /**
     * Takes {@code n} from one shard with enough stock, starting at {@code first} and skipping shards other
     * orders hold locked at this moment; empty if none is free right now.
     */
    Mono<Integer> claimFreeShard(long dealId, int n, int first, int shards) {
        return db.sql("""
                        update flash_deal_stock set remaining = remaining - :n
                        where deal_id = :d and remaining >= :n and shard = (
                            select shard from flash_deal_stock where deal_id = :d and remaining >= :n
                            order by (shard + :rot) % :count limit 1 for update skip locked)
                        returning shard""")
                .bind("d", dealId).bind("n", n).bind("rot", (shards - first) % shards).bind("count", shards)
                .map(row -> row.get(0, Short.class).intValue()).one();
    }

    /** Like {@link #claimFreeShard} but waits for a locked shard with enough stock; empty if none has enough. */
    Mono<Integer> claimAnyShard(long dealId, int n, int first, int shards) {
        return db.sql("""
                        update flash_deal_stock set remaining = remaining - :n
                        where deal_id = :d and remaining >= :n and shard = (
                            select shard from flash_deal_stock where deal_id = :d and remaining >= :n
                            order by (shard + :rot) % :count limit 1)
                        returning shard""")
                .bind("d", dealId).bind("n", n).bind("rot", (shards - first) % shards).bind("count", shards)
                .map(row -> row.get(0, Short.class).intValue()).one();
    }

    /**
     * Takes {@code n} spread over several shards when no single one has enough (the last units of a deal),
     * locking the shards in order; all or nothing. Answers the first shard taken from (where a cancellation
     * returns the units), empty when the shards hold fewer than {@code n} in all.
     */
    Mono<Integer> gatherFromShards(long dealId, int n) {
        return db.sql("""
                        with locked as (select shard, remaining from flash_deal_stock
                                        where deal_id = :d and remaining > 0 order by shard for update),
                             running as (select shard, remaining, sum(remaining) over (order by shard) as upto from locked),
                             taking as (select shard, least(remaining, :n - (upto - remaining)) as n from running
                                        where upto - remaining < :n and (select sum(remaining) from locked) >= :n),
                             taken as (update flash_deal_stock f set remaining = f.remaining - taking.n from taking
                                       where f.deal_id = :d and f.shard = taking.shard returning f.shard)
                        select min(shard) from taken""")
                .bind("d", dealId).bind("n", n)
                .map(row -> row.get(0, Short.class))
                .one()
                .filter(shard -> shard != null)
                .map(Short::intValue);
    }

    Mono<Boolean> anyShardWith(long dealId, int n) {
        return db.sql("select exists (select 1 from flash_deal_stock where deal_id = :d and remaining >= :n)")
                .bind("d", dealId).bind("n", n).map(row -> row.get(0, Boolean.class)).one();
    }

    Mono<Void> returnToShard(long dealId, int shard, int n) {
        return db.sql("update flash_deal_stock set remaining = remaining + :n where deal_id = :d and shard = :s")
                .bind("n", n).bind("d", dealId).bind("s", (short) shard).fetch().rowsUpdated().then();
    }
}
