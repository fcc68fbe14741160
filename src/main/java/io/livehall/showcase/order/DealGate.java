package io.livehall.showcase.order;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.livehall.common.batch.NaturalBatcher;
import io.livehall.common.instance.InstanceRegistry;
import io.livehall.common.redis.RedisScripts;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * The Redis gate in front of flash-deal orders, and the idempotency markers of flash-deal orders. Every key belongs
 * to one deal ({@code livehall:deal:{<id>}:*}, see {@link DealKeys}), so each script runs on one Redis Cluster slot:
 * {@code stock} (units the gate still lets through), {@code buyers} (buyer → units held), {@code reserved} (orders
 * being placed), {@code idem:<buyer>:<DealKeys.sha256(key)>} (an Idempotency-Key's committed order, 24 h),
 * {@code attempts:<buyer>} (the buyer's order attempts on the deal, see {@link OrderAttempts}) and, once the deal was
 * closed early, {@code closed} (why).
 * <p>
 * One script ({@code redis/deal-take.lua}) counts the attempt, checks the key's marker and reservation, whether the
 * deal was closed, the buyer's limit and the stock, then takes: a refusal costs one Redis call and no PostgreSQL
 * work. A pass leaves a <b>reservation</b> of the units under the buyer and key, {@code <token>|<units>|<taken at>|<key>},
 * whose token starts with the id of the instance that took it ({@link InstanceRegistry}). The reservation ends in one
 * of two ways, each at most once (both scripts act only while the reservation still carries the caller's token):
 * {@link #confirm} (PostgreSQL has the order: the units stay sold and the marker names the order) or
 * {@link #release} (no order: the units go back). The instance that took it does one or the other; if it died first,
 * {@link DealReservations} (a retry of the same key, or the reconciler) does it from what PostgreSQL holds.
 * <p>
 * PostgreSQL stays the truth: an order that passed the gate still has to take a shard row and the buyer's holding in
 * its transaction. Losing Redis loses nothing: a missing stock key means "not loaded" and the gate is rebuilt from
 * PostgreSQL (sum of the shards' remaining, each buyer's holding from {@code flash_deal_buyer}); markers lost are
 * covered by the unique (buyer, key) constraint. Loading, rebuilding, reconciling and closing the stock off the buying
 * path: {@link DealGateStock}.
 */
@Component
class DealGate {

    enum Outcome { PASSED, SOLD_OUT, SHORT, LIMIT_REACHED, NOT_LOADED, KNOWN, PENDING, NONE, TOO_MANY, CLOSED }

    /**
     * The gate's answer; {@code value} is the stock left after a pass, the order id of a known key, the reservation
     * of a pending one, or the milliseconds until the buyer may try again.
     */
    record Answer(Outcome outcome, String value) {

        static Answer parse(String answer) {
            int colon = answer.indexOf(':');
            return new Answer(Outcome.valueOf(answer.substring(0, colon)), answer.substring(colon + 1));
        }
    }

    /** The buyer's order-attempt counter the gate counts this attempt on (fixed window), or none on a retry. */
    record AttemptCount(String key, long windowMillis, int max) {
    }

    static final Duration MARKER_TTL = Duration.ofHours(24);
    /** Bound on the gate's calls off the buying path (the buying path is bounded by its HTTP request). */
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);
    /**
     * Release and confirm are idempotent (they act only while the reservation carries the token), so a call whose
     * answer was lost (a client-side timeout under load) is simply sent again: a reservation left open by a lost call
     * would otherwise hold its units until {@code reservation-max-age}.
     */
    private static final Retry AGAIN = Retry.backoff(3, Duration.ofMillis(100));

    private static final RedisScript<String> TAKE = RedisScripts.load("deal-take", String.class);
    private static final RedisScript<Long> RELEASE = RedisScripts.load("deal-release", Long.class);
    private static final RedisScript<Long> CONFIRM = RedisScripts.load("deal-confirm", Long.class);
    private static final RedisScript<Long> GIVE_BACK = RedisScripts.load("deal-give-back", Long.class);
    private static final RedisScript<String> KEY_STATE = RedisScripts.load("deal-key-state", String.class);

    /** A committed order whose key's marker is to be set (and its reservation, if the token still names it, closed). */
    private record Sale(long dealId, long buyerId, String key, String token, long orderId) {
    }

    private final ReactiveStringRedisTemplate redis;
    private final InstanceRegistry instances;
    private final Clock clock;
    private final AtomicLong attempts = new AtomicLong();
    // tokens of this instance's attempts that have not finished: a reservation of this instance under any other
    // token was left behind (a give-back or confirmation that failed, an answer lost to a timeout)
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    // orders committed together (a batch) are confirmed together: one call per deal
    private final NaturalBatcher<Sale, Void> sales = new NaturalBatcher<>(2, 500, this::confirmAll);

    DealGate(ReactiveStringRedisTemplate redis, InstanceRegistry instances, Clock clock) {
        this.redis = redis;
        this.instances = instances;
        this.clock = clock;
    }

    /**
     * A new attempt's token: this instance's id, a dot, a number not used before by this instance. The attempt is in
     * flight until {@link #finished}; call both around everything the attempt does with the gate.
     */
    String newToken() {
        String token = instances.id() + "." + attempts.incrementAndGet();
        inFlight.add(token);
        return token;
    }

    void finished(String token) {
        inFlight.remove(token);
    }

    /** Whether this instance is still working on the reservation (false for other instances' reservations). */
    boolean inFlight(GateReservation r) {
        return inFlight.contains(r.token());
    }

    boolean mine(GateReservation r) {
        return instances.id().equals(r.instance());
    }

    /**
     * Counts the attempt (when {@code count} is given: over its limit the answer is TOO_MANY), then checks the
     * key's marker and reservation, the closing, the buyer's limit and the stock, and reserves {@code n} under
     * {@code token} if all allow it. One Redis call.
     */
    Mono<Answer> take(FlashDeal deal, long buyerId, int n, String idempotencyKey, String token, AttemptCount count) {
        long id = deal.id();
        String reservation = new GateReservation(id, buyerId, token, n, clock.millis(), idempotencyKey).value();
        return redis.execute(TAKE, List.of(DealKeys.stockKey(id), DealKeys.buyersKey(id), DealKeys.reservedKey(id), DealKeys.markerKey(id, buyerId, idempotencyKey),
                                DealKeys.attemptsKey(id, buyerId), DealKeys.closedKey(id)),
                        List.of(Long.toString(buyerId), Integer.toString(n), Integer.toString(deal.perBuyerLimit()),
                                DealKeys.reservationField(buyerId, idempotencyKey), reservation,
                                count == null ? "" : Long.toString(count.windowMillis()),
                                count == null ? "0" : Integer.toString(count.max())))
                .next()
                .map(Answer::parse);
    }

    /** What the gate knows of the key now: KNOWN (order id), PENDING (reservation) or NONE. */
    Mono<Answer> state(long dealId, long buyerId, String idempotencyKey) {
        return redis.execute(KEY_STATE, List.of(DealKeys.markerKey(dealId, buyerId, idempotencyKey), DealKeys.reservedKey(dealId)),
                        List.of(DealKeys.reservationField(buyerId, idempotencyKey)))
                .next().map(Answer::parse).timeout(CALL_TIMEOUT);
    }

    /**
     * Gives a reservation's units back (the buyer's holding always, the stock when {@code stock}: false when
     * PostgreSQL showed the stock is not there), if it is still open under {@code token}. Answers the units given
     * back, 0 if the reservation had been resolved already.
     */
    Mono<Long> release(long dealId, long buyerId, String idempotencyKey, String token, boolean stock) {
        return redis.execute(RELEASE, List.of(DealKeys.stockKey(dealId), DealKeys.buyersKey(dealId), DealKeys.reservedKey(dealId)),
                        List.of(DealKeys.reservationField(buyerId, idempotencyKey), token, Long.toString(buyerId), stock ? "1" : "0"))
                .next().timeout(CALL_TIMEOUT).retryWhen(AGAIN);
    }

    /**
     * The key now names a committed order: its marker is set and its reservation, if still open under
     * {@code token} ({@code ""} for none), becomes a sale. Orders confirmed at the same moment share one call per deal.
     */
    Mono<Void> confirm(long dealId, long buyerId, String idempotencyKey, String token, long orderId) {
        return sales.submit(new Sale(dealId, buyerId, idempotencyKey, token == null ? "" : token, orderId));
    }

    private Mono<Void> confirmAll(List<NaturalBatcher.Request<Sale, Void>> batch) {
        Map<Long, List<NaturalBatcher.Request<Sale, Void>>> byDeal = new LinkedHashMap<>();
        batch.forEach(r -> byDeal.computeIfAbsent(r.value().dealId(), id -> new ArrayList<>()).add(r));
        return Flux.fromIterable(byDeal.entrySet()).flatMap(deal -> {
            List<String> keys = new ArrayList<>(deal.getValue().size() + 1);
            List<String> args = new ArrayList<>(deal.getValue().size() * 3 + 1);
            keys.add(DealKeys.reservedKey(deal.getKey()));
            args.add(Long.toString(MARKER_TTL.toMillis()));
            deal.getValue().forEach(r -> {
                Sale sale = r.value();
                keys.add(DealKeys.markerKey(sale.dealId(), sale.buyerId(), sale.key()));
                args.add(DealKeys.reservationField(sale.buyerId(), sale.key()));
                args.add(sale.token());
                args.add(Long.toString(sale.orderId()));
            });
            return redis.execute(CONFIRM, keys, args).then()
                    .timeout(CALL_TIMEOUT)
                    .retryWhen(AGAIN)
                    .doOnSuccess(done -> deal.getValue().forEach(r -> r.sink().success()))
                    .onErrorResume(e -> {
                        deal.getValue().forEach(r -> r.sink().error(e));
                        return Mono.empty();
                    });
        }).then();
    }

    /** A cancelled order's units go back to the gate of a deal still running. */
    Mono<Void> giveBack(long dealId, long buyerId, int n) {
        return redis.execute(GIVE_BACK, List.of(DealKeys.stockKey(dealId), DealKeys.buyersKey(dealId)),
                        List.of(Long.toString(buyerId), Integer.toString(n)))
                .then().timeout(CALL_TIMEOUT);
    }

    /** The committed order's id the key's marker names (empty if none). */
    Mono<String> marker(long dealId, long buyerId, String idempotencyKey) {
        return redis.opsForValue().get(DealKeys.markerKey(dealId, buyerId, idempotencyKey)).timeout(CALL_TIMEOUT);
    }

    Mono<Void> forget(long dealId, long buyerId, String idempotencyKey) {
        return redis.delete(DealKeys.markerKey(dealId, buyerId, idempotencyKey)).then().timeout(CALL_TIMEOUT);
    }
}
