package io.livehall.showcase.order;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.livehall.common.redis.RedisScripts;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The flash-deal gate's stock, off the buying path ({@link DealGate} for the keys and the buying path): loading a
 * new deal's gate, rebuilding a lost one from PostgreSQL's figures, reading and correcting it against PostgreSQL
 * ({@link DealGateReconciler}), closing it early or after settlement.
 */
@Component
class DealGateStock {

    /** The gate's stock ({@code null} when not loaded) and the reservations open at the same moment. */
    record Snapshot(String stock, List<GateReservation> open) {
    }

    static final Duration CLOSED_TTL = Duration.ofHours(2);

    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> RESERVATIONS = RedisScripts.load("deal-reservations", List.class);
    private static final RedisScript<Long> CORRECT_STOCK = RedisScripts.load("deal-correct-stock", Long.class);
    private static final RedisScript<Long> LOAD_HOLDINGS = RedisScripts.load("deal-load-holdings", Long.class);
    private static final RedisScript<Long> LOAD_STOCK = RedisScripts.load("deal-load-stock", Long.class);
    private static final RedisScript<Long> RESYNC = RedisScripts.load("deal-resync", Long.class);

    private final ReactiveStringRedisTemplate redis;
    private final Clock clock;

    DealGateStock(ReactiveStringRedisTemplate redis, Clock clock) {
        this.redis = redis;
        this.clock = clock;
    }

    /** The gate's stock and its open reservations, read together. */
    @SuppressWarnings("unchecked")
    Mono<Snapshot> snapshot(long dealId) {
        return redis.execute(RESERVATIONS, List.of(DealKeys.stockKey(dealId), DealKeys.reservedKey(dealId)), List.of())
                .next()
                .map(values -> {
                    List<Object> all = (List<Object>) values;
                    String stock = String.valueOf(all.get(0));
                    List<GateReservation> open = new ArrayList<>((all.size() - 1) / 2);
                    for (int i = 1; i + 1 < all.size(); i += 2) {
                        String field = String.valueOf(all.get(i));
                        long buyerId = Long.parseLong(field.substring(0, field.indexOf(':')));
                        open.add(GateReservation.parse(dealId, buyerId, String.valueOf(all.get(i + 1))));
                    }
                    return new Snapshot(stock.isEmpty() ? null : stock, open);
                })
                .timeout(DealGate.CALL_TIMEOUT);
    }

    /**
     * Sets the stock to PostgreSQL's {@code remaining} if it is still {@code seen} and no reservation is open (then
     * the two must agree). Answers whether it changed.
     */
    Mono<Boolean> correctStock(long dealId, String seen, long remaining) {
        return redis.execute(CORRECT_STOCK, List.of(DealKeys.stockKey(dealId), DealKeys.reservedKey(dealId)),
                        List.of(seen, Long.toString(remaining)))
                .next().map(changed -> changed == 1L).timeout(DealGate.CALL_TIMEOUT);
    }

    /** Units the buyer holds in the gate (sold and being placed); 0 when none (or the gate is not loaded). */
    Mono<Long> held(long dealId, long buyerId) {
        return redis.<String, String>opsForHash().get(DealKeys.buyersKey(dealId), Long.toString(buyerId))
                .map(Long::parseLong).defaultIfEmpty(0L).timeout(DealGate.CALL_TIMEOUT);
    }

    /** Units the gate still lets through; empty if the gate is not loaded. */
    Mono<Long> stockLeft(long dealId) {
        return redis.opsForValue().get(DealKeys.stockKey(dealId)).map(Long::parseLong);
    }

    /** Loads a new deal's gate (nothing held yet). */
    Mono<Void> open(FlashDeal deal) {
        return redis.execute(LOAD_STOCK, List.of(DealKeys.stockKey(deal.id()), DealKeys.reservedKey(deal.id())),
                List.of(Integer.toString(deal.quantity()), Long.toString(expiry(deal)))).then();
    }

    /**
     * Rebuilds a lost gate from PostgreSQL's figures: holdings first (in batches, only while the stock key is
     * missing), then the stock with SET NX, so concurrent rebuilders on several instances agree and a gate that
     * came back meanwhile is left alone.
     */
    Mono<Void> rebuild(FlashDeal deal, long remaining, Flux<List<Object>> holdings) {
        String expiry = Long.toString(expiry(deal));
        List<String> keys = List.of(DealKeys.stockKey(deal.id()), DealKeys.buyersKey(deal.id()));
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
                .then(redis.execute(LOAD_STOCK, List.of(DealKeys.stockKey(deal.id()), DealKeys.reservedKey(deal.id())),
                        List.of(Long.toString(remaining), expiry)).then());
    }

    /**
     * Closes the gate at once, on every instance, whatever their cached copy of the deal says: every later attempt
     * (but the repeat of a placed order) answers CLOSED with {@code reason}. Kept past the latest end a deal can
     * have (an hour's lead plus five minutes), after which the cached deals have ended anyway.
     */
    Mono<Void> closeEarly(long dealId, String reason) {
        return redis.opsForValue().set(DealKeys.closedKey(dealId), reason, CLOSED_TTL).then();
    }

    /** After settlement the gate lets nothing through. */
    Mono<Void> close(FlashDeal deal) {
        return redis.opsForValue().set(DealKeys.stockKey(deal.id()), "0", Duration.ofMinutes(10)).then();
    }

    /** Sets the gate's stock to PostgreSQL's figure when the two disagree (an order found no stock behind a pass). */
    Mono<Void> resync(long dealId, long remaining) {
        return redis.execute(RESYNC, List.of(DealKeys.stockKey(dealId)), List.of(Long.toString(remaining))).then();
    }

    private long expiry(FlashDeal deal) {
        Instant now = clock.instant();
        return now.isAfter(deal.endsAt()) ? now.plusSeconds(600).getEpochSecond()
                : deal.endsAt().plusSeconds(3600).getEpochSecond();
    }
}
