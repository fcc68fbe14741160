package io.livehall.showcase.order;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import io.livehall.common.batch.NaturalBatcher;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The Redis gate in front of flash-deal orders, and the idempotency markers of all orders. Per deal:
 * {@code livehall:deal:{id}:stock} (units the gate still lets through), {@code livehall:deal:{id}:buyers}
 * (buyer → units held) and, once the deal was closed early, {@code livehall:deal:{id}:closed} (why). One Lua
 * script checks the buyer's idempotency marker, whether the deal was closed, the stock and the buyer's limit, then
 * takes: a refusal costs one Redis call and no PostgreSQL work. The same call counts the buyer's order
 * attempt for the rate limit ({@link OrderAttempts}). PostgreSQL stays the truth: an order that
 * passed the gate still has to take a shard row and the buyer's holding in its transaction, and if that fails the
 * gate is given back.
 * <p>
 * A marker {@code livehall:order:key:{buyer}:{sha256(key)}} is {@code P} while an order with that
 * Idempotency-Key is being placed and the order id once it is committed (24 h), so a repeat is answered with
 * the first order even when the gate would refuse it now (e.g. limit reached by that very order).
 * <p>
 * Losing Redis loses nothing: a missing stock key means "not loaded" and the gate is rebuilt from PostgreSQL
 * (sum of the shards' remaining, each buyer's holding from {@code flash_deal_buyer}); markers lost are covered
 * by the unique (buyer, key) constraint.
 */
@Component
class DealGate {

    enum Outcome { PASSED, SOLD_OUT, SHORT, LIMIT_REACHED, NOT_LOADED, KNOWN, TOO_MANY, CLOSED }

    /**
     * The gate's answer; {@code value} is the stock left after a pass, the marker of a known key, or the
     * milliseconds until the buyer may try again.
     */
    record Answer(Outcome outcome, String value) {
    }

    /** The buyer's order-attempt counter the gate counts this attempt on (fixed window), or none on a retry. */
    record AttemptCount(String key, long windowMillis, int max) {
    }

    static final Duration PENDING_TTL = Duration.ofSeconds(30);
    static final Duration MARKER_TTL = Duration.ofHours(24);
    static final Duration CLOSED_TTL = Duration.ofHours(2);

    private static final RedisScript<String> TAKE = RedisScript.of("""
            if ARGV[5] ~= '' then
                local hits = redis.call('INCR', KEYS[4])
                if hits == 1 then redis.call('PEXPIRE', KEYS[4], ARGV[5]) end
                if hits > tonumber(ARGV[6]) then return 'TOO_MANY:' .. redis.call('PTTL', KEYS[4]) end
            end
            local marker = redis.call('GET', KEYS[3])
            if marker then return 'KNOWN:' .. marker end
            local closed = redis.call('GET', KEYS[5])
            if closed then return 'CLOSED:' .. closed end
            local stock = redis.call('GET', KEYS[1])
            if not stock then return 'NOT_LOADED:' end
            stock = tonumber(stock)
            local n = tonumber(ARGV[2])
            if stock <= 0 then return 'SOLD_OUT:0' end
            if stock < n then return 'SHORT:' .. stock end
            local held = tonumber(redis.call('HGET', KEYS[2], ARGV[1]) or '0')
            if held + n > tonumber(ARGV[3]) then return 'LIMIT_REACHED:' .. held end
            redis.call('SET', KEYS[3], 'P', 'PX', ARGV[4])
            redis.call('HINCRBY', KEYS[2], ARGV[1], n)
            return 'PASSED:' .. redis.call('DECRBY', KEYS[1], n)
            """, String.class);

    private static final RedisScript<Long> GIVE_BACK = RedisScript.of("""
            local n = tonumber(ARGV[2])
            if ARGV[3] == '1' and redis.call('EXISTS', KEYS[1]) == 1 then redis.call('INCRBY', KEYS[1], n) end
            if redis.call('EXISTS', KEYS[2]) == 1 then
                local held = redis.call('HINCRBY', KEYS[2], ARGV[1], -n)
                if held <= 0 then redis.call('HDEL', KEYS[2], ARGV[1]) end
            end
            if KEYS[3] ~= nil and ARGV[4] == '1' then redis.call('DEL', KEYS[3]) end
            return 1
            """, Long.class);

    private static final RedisScript<Long> CLAIM_KEY = RedisScript.of("""
            local marker = redis.call('GET', KEYS[1])
            if marker then return tonumber(marker) or 0 end
            redis.call('SET', KEYS[1], 'P', 'PX', ARGV[1])
            return -1
            """, Long.class);

    private static final RedisScript<Long> LOAD_HOLDINGS = RedisScript.of("""
            if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
            for i = 2, #ARGV, 2 do redis.call('HSET', KEYS[2], ARGV[i], ARGV[i + 1]) end
            redis.call('EXPIREAT', KEYS[2], ARGV[1])
            return 1
            """, Long.class);

    private static final RedisScript<Long> LOAD_STOCK = RedisScript.of("""
            local set = redis.call('SET', KEYS[1], ARGV[1], 'NX')
            redis.call('EXPIREAT', KEYS[1], ARGV[2])
            if set then return 1 end
            return 0
            """, Long.class);

    private static final RedisScript<Long> RESYNC = RedisScript.of("""
            if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
            redis.call('SET', KEYS[1], ARGV[1], 'KEEPTTL')
            return 1
            """, Long.class);

    private static final RedisScript<Long> REMEMBER = RedisScript.of("""
            for i = 1, #KEYS do redis.call('SET', KEYS[i], ARGV[i + 1], 'PX', ARGV[1]) end
            return #KEYS
            """, Long.class);

    /** A committed order's marker. */
    private record Marker(String key, long orderId) {
    }

    private final ReactiveStringRedisTemplate redis;
    // orders committed together (a batch) have their markers set together
    private final NaturalBatcher<Marker, Void> markers = new NaturalBatcher<>(2, 500, this::setMarkers);

    DealGate(ReactiveStringRedisTemplate redis) {
        this.redis = redis;
    }

    static String stockKey(long dealId) {
        return "livehall:deal:{" + dealId + "}:stock";
    }

    static String buyersKey(long dealId) {
        return "livehall:deal:{" + dealId + "}:buyers";
    }

    /** Set when the deal was closed early (its merchant was suspended): the gate answers CLOSED before the stock. */
    static String closedKey(long dealId) {
        return "livehall:deal:{" + dealId + "}:closed";
    }

    static String markerKey(long buyerId, String idempotencyKey) {
        return "livehall:order:key:" + buyerId + ":" + sha256(idempotencyKey);
    }

    /**
     * Counts the attempt (when {@code count} is given: over its limit the answer is TOO_MANY), then checks the
     * key's marker, the stock and the buyer's limit, and takes {@code n} if all allow it. One Redis call.
     */
    Mono<Answer> take(FlashDeal deal, long buyerId, int n, String idempotencyKey, AttemptCount count) {
        String countKey = count == null ? "livehall:ratelimit:order:" + buyerId : count.key();
        return redis.execute(TAKE, List.of(stockKey(deal.id()), buyersKey(deal.id()), markerKey(buyerId, idempotencyKey),
                                countKey, closedKey(deal.id())),
                        List.of(Long.toString(buyerId), Integer.toString(n), Integer.toString(deal.perBuyerLimit()),
                                Long.toString(PENDING_TTL.toMillis()),
                                count == null ? "" : Long.toString(count.windowMillis()),
                                count == null ? "0" : Integer.toString(count.max())))
                .next()
                .map(answer -> {
                    int colon = answer.indexOf(':');
                    return new Answer(Outcome.valueOf(answer.substring(0, colon)), answer.substring(colon + 1));
                });
    }

    /**
     * Gives back what a pass took: the buyer's units always, the stock when {@code stock} (false when PostgreSQL
     * showed the stock is not there), and drops the pending marker when {@code forgetKey}.
     */
    Mono<Void> giveBack(long dealId, long buyerId, int n, String idempotencyKey, boolean stock, boolean forgetKey) {
        List<String> keys = idempotencyKey == null
                ? List.of(stockKey(dealId), buyersKey(dealId))
                : List.of(stockKey(dealId), buyersKey(dealId), markerKey(buyerId, idempotencyKey));
        return redis.execute(GIVE_BACK, keys, List.of(Long.toString(buyerId), Integer.toString(n),
                        stock ? "1" : "0", forgetKey ? "1" : "0"))
                .then();
    }

    /** Marks an Idempotency-Key as being placed; answers the order id of a known key, 0 if pending, -1 if new. */
    Mono<Long> claimKey(long buyerId, String idempotencyKey) {
        return redis.execute(CLAIM_KEY, List.of(markerKey(buyerId, idempotencyKey)),
                List.of(Long.toString(PENDING_TTL.toMillis()))).next();
    }

    Mono<String> marker(long buyerId, String idempotencyKey) {
        return redis.opsForValue().get(markerKey(buyerId, idempotencyKey));
    }

    /** The key now names a committed order. */
    Mono<Void> remember(long buyerId, String idempotencyKey, long orderId) {
        return markers.submit(new Marker(markerKey(buyerId, idempotencyKey), orderId));
    }

    private Mono<Void> setMarkers(List<NaturalBatcher.Request<Marker, Void>> batch) {
        List<String> keys = new ArrayList<>(batch.size());
        List<String> args = new ArrayList<>(batch.size() + 1);
        args.add(Long.toString(MARKER_TTL.toMillis()));
        batch.forEach(r -> {
            keys.add(r.value().key());
            args.add(Long.toString(r.value().orderId()));
        });
        return redis.execute(REMEMBER, keys, args).then()
                .doOnSuccess(done -> batch.forEach(r -> r.sink().success()));
    }

    Mono<Void> forget(long buyerId, String idempotencyKey) {
        return redis.delete(markerKey(buyerId, idempotencyKey)).then();
    }

    /** Units the gate still lets through; empty if the gate is not loaded. */
    Mono<Long> stockLeft(long dealId) {
        return redis.opsForValue().get(stockKey(dealId)).map(Long::parseLong);
    }

    /** Loads a new deal's gate (nothing held yet). */
    Mono<Void> open(FlashDeal deal) {
        return redis.execute(LOAD_STOCK, List.of(stockKey(deal.id())),
                List.of(Integer.toString(deal.quantity()), Long.toString(expiry(deal)))).then();
    }

    /**
     * Rebuilds a lost gate from PostgreSQL's figures: holdings first (in batches, only while the stock key is
     * missing), then the stock with SET NX, so concurrent rebuilders on several instances agree and a gate that
     * came back meanwhile is left alone.
     */
    Mono<Void> rebuild(FlashDeal deal, long remaining, Flux<List<Object>> holdings) {
        String expiry = Long.toString(expiry(deal));
        List<String> keys = List.of(stockKey(deal.id()), buyersKey(deal.id()));
        return holdings.buffer(500)
                .concatMap(batch -> {
                    List<String> args = new ArrayList<>(batch.size() * 2 + 1);
                    args.add(expiry);
                    batch.forEach(pair -> {
                        args.add(pair.get(0).toString());
                        args.add(pair.get(1).toString());
                    });
                    return redis.execute(LOAD_HOLDINGS, keys, args);
                })
                .then(redis.execute(LOAD_STOCK, List.of(stockKey(deal.id())),
                        List.of(Long.toString(remaining), expiry)).then());
    }

    /**
     * Closes the gate at once, on every instance, whatever their cached copy of the deal says: every later attempt
     * (but the repeat of a placed order) answers CLOSED with {@code reason}. Kept past the latest end a deal can
     * have (an hour's lead plus five minutes), after which the cached deals have ended anyway.
     */
    Mono<Void> closeEarly(long dealId, String reason) {
        return redis.opsForValue().set(closedKey(dealId), reason, CLOSED_TTL).then();
    }

    /** After settlement the gate lets nothing through. */
    Mono<Void> close(FlashDeal deal) {
        return redis.opsForValue().set(stockKey(deal.id()), "0", Duration.ofMinutes(10)).then();
    }

    /** Sets the gate's stock to PostgreSQL's figure when the two disagree (an order found no stock behind a pass). */
    Mono<Void> resync(long dealId, long remaining) {
        return redis.execute(RESYNC, List.of(stockKey(dealId)), List.of(Long.toString(remaining))).then();
    }

    private static long expiry(FlashDeal deal) {
        return Instant.now().isAfter(deal.endsAt()) ? Instant.now().plusSeconds(600).getEpochSecond()
                : deal.endsAt().plusSeconds(3600).getEpochSecond();
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
