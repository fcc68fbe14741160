package io.livehall.showcase.order;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import io.livehall.common.error.ApiProblem;
import io.livehall.common.instance.InstanceRegistry;
import io.livehall.common.money.MoneyBounds;
import io.livehall.showcase.merchant.MerchantAccess;
import io.livehall.showcase.order.OrderProblems.Signal;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Placing an order of a flash deal ({@link OrderPlacement} for the rules every order keeps): the Redis gate first
 * ({@link DealGate}), then one shard row and the buyer's holding in PostgreSQL, the gate given back when PostgreSQL
 * says no.
 * <p>
 * A repeat whose first request is still being placed (the gate holds its reservation) is answered with the order as
 * soon as PostgreSQL has it; when the instance placing it died, the repeat resolves the reservation from PostgreSQL
 * ({@link DealReservations}): the order if it was written, else a new attempt. "Sold out" or "limit reached" is never
 * the answer to a key whose order exists.
 */
@Component
class DealOrderAttempt {

    private static final Log log = LogFactory.getLog(DealOrderAttempt.class);
    private static final Duration POLL = Duration.ofMillis(50);
    /** While waiting for a repeat's first request, PostgreSQL and the placing instance's liveness are checked every 10 polls. */
    private static final int CHECK_EVERY = 10;

    private final OrderRepository orders;
    private final FlashDealRepository dealRows;
    private final FlashDeals deals;
    private final FlashDealService dealService;
    private final DealGate gate;
    private final DealGateStock gateStock;
    private final DealBroadcaster broadcaster;
    private final OrderAttempts attempts;
    private final TransactionalOperator tx;
    private final OrderSettings settings;
    private final DealOrderBatches batches;
    private final MerchantAccess merchants;
    private final DealReservations reservations;
    private final Clock clock;
    private final int maxPolls;

    DealOrderAttempt(OrderRepository orders, FlashDealRepository dealRows, FlashDeals deals, FlashDealService dealService,
                     DealGate gate, DealGateStock gateStock, DealBroadcaster broadcaster, OrderAttempts attempts,
                     TransactionalOperator tx, OrderSettings settings, DealOrderBatches batches, MerchantAccess merchants,
                     DealReservations reservations, InstanceRegistry instances, Clock clock) {
        this.orders = orders;
        this.dealRows = dealRows;
        this.deals = deals;
        this.dealService = dealService;
        this.gate = gate;
        this.gateStock = gateStock;
        this.broadcaster = broadcaster;
        this.attempts = attempts;
        this.tx = tx;
        this.settings = settings;
        this.batches = batches;
        this.merchants = merchants;
        this.reservations = reservations;
        this.clock = clock;
        // a repeat waits for its first request at least until the instance placing it would be seen dead
        this.maxPolls = (int) (Math.max(Duration.ofSeconds(10).toMillis(), instances.ttl().plusSeconds(2).toMillis())
                / POLL.toMillis());
    }

    private record Attempt(Buyer buyer, String key, String hash, PlaceOrderRequest request, FlashDeal deal) {
    }

    /** Places the order of {@code request.dealId()} (its attempts are counted by the gate, in its one Redis call). */
    Mono<PlacedOrder> place(Buyer buyer, String key, String hash, PlaceOrderRequest request) {
        return deals.find(request.dealId()).flatMap(deal -> {
            Instant now = clock.instant();
            if (deal.closedAt() != null || deal.upcoming(now) || deal.ended(now)) {
                ApiProblem closed = deal.closedAt() != null ? MerchantAccess.closedForBusiness()
                        : deal.upcoming(now) ? new ApiProblem(HttpStatus.CONFLICT, "deal-not-started", "秒杀尚未开始")
                        : new ApiProblem(HttpStatus.CONFLICT, "deal-ended", "秒杀已结束");
                return attempts.count(buyer.id()).then(knownOrder(deal.id(), buyer.id(), key, hash)).switchIfEmpty(Mono.error(closed));
            }
            if (request.quantity() > deal.perBuyerLimit()) {
                return Mono.error(OrderProblems.limitReached(deal.perBuyerLimit()));
            }
            MoneyBounds.total(deal.priceFen(), request.quantity(), "quantity");
            Attempt a = new Attempt(buyer, key, hash, request, deal);
            // a merchant's own account is refused before the gate takes anything (viewers skip the query)
            return buyer.merchant() ? merchants.refuseOwn(buyer.id(), deal.merchantId()).then(Mono.defer(() -> attempt(a, 0)))
                    : attempt(a, 0);
        });
    }

    private Mono<PlacedOrder> attempt(Attempt a, int round) {
        // the attempt's token is in flight from its subscription to its end (see DealReservations)
        return Mono.defer(() -> {
            int n = a.request().quantity();
            long dealId = a.deal().id();
            DealGate.AttemptCount count = round == 0 ? attempts.forGate(dealId, a.buyer().id()) : null;
            String token = gate.newToken();
            return gate.take(a.deal(), a.buyer().id(), n, a.key(), token, count)
                    // the call failed, but Redis may have run it: what it may have reserved under this token goes back,
                    // without the buyer waiting for it (a Redis that is down would hold the answer for every retry)
                    .onErrorResume(e -> {
                        releaseLater(dealId, a.buyer().id(), a.key(), token);
                        return Mono.error(e);
                    })
                    .flatMap(answer -> switch (answer.outcome()) {
                        case PASSED -> commitDeal(a, token);
                        case TOO_MANY -> Mono.error(OrderAttempts.tooMany(Long.parseLong(answer.value())));
                        case SOLD_OUT -> Mono.error(OrderProblems.soldOut());
                        case SHORT -> Mono.error(OrderProblems.notEnough(answer.value()));
                        case LIMIT_REACHED -> Mono.error(OrderProblems.limitReached(a.deal().perBuyerLimit()));
                        case CLOSED -> Mono.error(MerchantAccess.closedForBusiness());
                        case NOT_LOADED -> round < 2 ? dealService.rebuildGate(a.deal()).then(Mono.defer(() -> attempt(a, round + 1)))
                                : Mono.error(new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "gate-unavailable", "系统繁忙，请稍后重试"));
                        case KNOWN -> repeatOfMarker(Long.parseLong(answer.value()), a, round);
                        case PENDING -> awaitFirst(a, round, GateReservation.parse(dealId, a.buyer().id(), answer.value()), 0);
                        case NONE -> Mono.error(new IllegalStateException("the gate answered NONE to take"));
                    })
                    .doFinally(signal -> gate.finished(token));
        });
    }

    /**
     * Another request with the same key is being placed (the gate holds its reservation): answer its order as soon
     * as PostgreSQL has it, resolve the reservation here if the instance placing it died, else wait for it (then 409
     * {@code request-in-progress}).
     */
    private Mono<PlacedOrder> awaitFirst(Attempt a, int round, GateReservation pending, int polls) {
        Mono<PlacedOrder> checked = polls % CHECK_EVERY == 0 ? checkPending(a, round, pending) : Mono.empty();
        return checked.switchIfEmpty(Mono.defer(() -> polls >= maxPolls ? Mono.error(OrderProblems.inProgress())
                : Mono.delay(POLL).then(gate.state(a.deal().id(), a.buyer().id(), a.key())).flatMap(state -> switch (state.outcome()) {
                    case KNOWN -> repeatOfMarker(Long.parseLong(state.value()), a, round);
                    case PENDING -> awaitFirst(a, round,
                            GateReservation.parse(a.deal().id(), a.buyer().id(), state.value()), polls + 1);
                    default -> round < 3 ? attempt(a, round + 1) : Mono.error(OrderProblems.inProgress());
                })));
    }

    /**
     * The repeat's answer if it can be given now: the order PostgreSQL holds for the key; or, when the reservation was
     * abandoned (its instance is dead, or its attempt on this instance ended), whatever resolving it from PostgreSQL
     * says. Empty: still being placed.
     */
    private Mono<PlacedOrder> checkPending(Attempt a, int round, GateReservation pending) {
        return reservations.abandoned(pending).flatMap(abandoned -> abandoned
                ? reservations.resolve(pending).flatMap(row -> row.isPresent() ? Mono.just(PlacedOrder.repeatOf(row.get(), a.hash()))
                        : round < 3 ? attempt(a, round + 1) : Mono.error(OrderProblems.inProgress()))
                : orders.findByKey(a.buyer().id(), a.key()).timeout(DealGate.CALL_TIMEOUT).map(row -> PlacedOrder.repeatOf(row, a.hash())));
    }

    private Mono<PlacedOrder> repeatOfMarker(long orderId, Attempt a, int round) {
        return orders.find(orderId).filter(row -> row.order().buyerId() == a.buyer().id())
                .map(row -> PlacedOrder.repeatOf(row, a.hash()))
                .switchIfEmpty(Mono.defer(() -> round < 3
                        ? gate.forget(a.deal().id(), a.buyer().id(), a.key()).then(attempt(a, round + 1))
                        : Mono.error(OrderProblems.inProgress())));
    }

    /** The gate let the order through: now PostgreSQL decides, and the gate is given back if it says no. */
    private Mono<PlacedOrder> commitDeal(Attempt a, String token) {
        FlashDeal deal = a.deal();
        long buyerId = a.buyer().id();
        int n = a.request().quantity();
        NewOrder order = new NewOrder(buyerId, deal.merchantId(), deal.productId(), deal.productName(), deal.id(), null,
                deal.sessionId(), null, n, deal.priceFen(), a.key(), a.hash(), a.request().recipient(), "OFFLINE", settings.payBy(clock.instant()));
        Mono<Order.Row> inTransaction = dealRows.holdMore(deal.id(), buyerId, n, deal.perBuyerLimit())
                .switchIfEmpty(Mono.error(Signal.LIMIT_IN_DB))
                .then(claimShard(deal, n, deal.preferredShard(buyerId), 0))
                .flatMap(shard -> orders.insert(order.withShard(shard)))
                .switchIfEmpty(Mono.error(Signal.KEY_TAKEN));
        // usually one statement does it all (with other orders of the deal placed at the same moment); when no
        // shard is free right now, a transaction waits or gathers
        Mono<Order.Row> placing = batches.place(order, deal)
                .switchIfEmpty(Mono.error(Signal.KEY_TAKEN))
                .onErrorResume(e -> e == Signal.NO_FREE_SHARD, e -> tx.transactional(inTransaction));
        return placing
                .flatMap(row -> {
                    broadcaster.changed(deal.id());
                    return gate.confirm(deal.id(), buyerId, a.key(), token, row.order().id())
                            .onErrorResume(e -> {
                                log.warn("Confirming an order's reservation failed; the reconciler confirms it later", e);
                                return Mono.empty();
                            })
                            .thenReturn(new PlacedOrder(row.order(), true));
                })
                .onErrorResume(e -> giveBackAfter(e, a, token));
    }

    private Mono<PlacedOrder> giveBackAfter(Throwable e, Attempt a, String token) {
        if (e == Signal.LIMIT_IN_DB || e == Signal.SOLD_OUT_IN_DB) {
            // a repeat whose marker Redis lost looks like "limit reached": the committed order answers it
            return orders.findByKey(a.buyer().id(), a.key()).hasElement()
                    .flatMap(repeat -> refused(repeat ? Signal.KEY_TAKEN : e, a, token));
        }
        return refused(e, a, token);
    }

    private Mono<PlacedOrder> refused(Throwable e, Attempt a, String token) {
        FlashDeal deal = a.deal();
        long buyerId = a.buyer().id();
        if (e == Signal.KEY_TAKEN) {
            return safely(gate.release(deal.id(), buyerId, a.key(), token, true).then())
                    .then(orders.findByKey(buyerId, a.key()))
                    .flatMap(row -> (Objects.equals(row.order().dealId(), deal.id())
                            ? safely(gate.confirm(deal.id(), buyerId, a.key(), "", row.order().id())) : Mono.<Void>empty())
                            .then(Mono.fromCallable(() -> PlacedOrder.repeatOf(row, a.hash()))));
        }
        if (e == Signal.SOLD_OUT_IN_DB) {
            return safely(gate.release(deal.id(), buyerId, a.key(), token, false).then())
                    .then(safely(dealRows.remaining(deal.id()).flatMap(left -> gateStock.resync(deal.id(), left))))
                    .then(Mono.error(OrderProblems.soldOut()));
        }
        Throwable answer = e == Signal.LIMIT_IN_DB ? OrderProblems.limitReached(deal.perBuyerLimit()) : e;
        if (answer == e) {
            log.warn("Placing an order of deal " + deal.id() + " failed after the gate; giving the gate back", e);
        }
        broadcaster.changed(deal.id());
        return safely(gate.release(deal.id(), buyerId, a.key(), token, true).then()).then(Mono.error(answer));
    }

    /**
     * Takes {@code n} from one shard: the buyer's preferred shard or the next free one (skipping shards other
     * orders hold right now), else waiting for a busy one, else (no single shard has enough) gathered from
     * several; fails with SOLD_OUT_IN_DB when the shards do not hold {@code n} in all.
     */
    private Mono<Integer> claimShard(FlashDeal deal, int n, int first, int tries) {
        return dealRows.claimFreeShard(deal.id(), n, first, deal.shardCount())
                .switchIfEmpty(Mono.defer(() -> dealRows.claimAnyShard(deal.id(), n, first, deal.shardCount())))
                .switchIfEmpty(Mono.defer(() -> tries >= deal.shardCount() ? Mono.error(Signal.SOLD_OUT_IN_DB)
                        : dealRows.anyShardWith(deal.id(), n).flatMap(any -> any
                                ? claimShard(deal, n, (first + 1) % deal.shardCount(), tries + 1)
                                : dealRows.gatherFromShards(deal.id(), n).switchIfEmpty(Mono.error(Signal.SOLD_OUT_IN_DB)))));
    }

    private Mono<PlacedOrder> knownOrder(long dealId, long buyerId, String key, String hash) {
        return gate.marker(dealId, buyerId, key)
                .flatMap(m -> orders.find(Long.parseLong(m)))
                .switchIfEmpty(Mono.defer(() -> orders.findByKey(buyerId, key)))
                .filter(row -> row.order().buyerId() == buyerId)
                .map(row -> PlacedOrder.repeatOf(row, hash));
    }

    /**
     * Gives back, off the request, what a take that failed may have reserved: the release retries, and against a Redis
     * that does not answer each try lasts the command timeout, so the buyer gets the 503 after one timeout, not four.
     * If the release fails too, the reservation (its attempt finished) is the reconciler's or the key's next retry's
     * ({@link DealReservations}); the scripts let only one of them act.
     */
    private void releaseLater(long dealId, long buyerId, String key, String token) {
        safely(gate.release(dealId, buyerId, key, token, true).then()).subscribe();
    }

    private static Mono<Void> safely(Mono<Void> compensation) {
        return compensation.onErrorResume(e -> {
            log.warn("Giving the flash-deal gate back failed; the reconciler resolves the reservation later", e);
            return Mono.empty();
        });
    }
}
