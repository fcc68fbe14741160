package io.livehall.showcase.order;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import io.livehall.common.error.ApiProblem;
import io.livehall.common.instance.InstanceRegistry;
import io.livehall.common.money.MoneyBounds;
import io.livehall.showcase.catalogue.ProductCatalogue;
import io.livehall.showcase.live.LiveSessions;
import io.livehall.showcase.merchant.MerchantAccess;
import io.livehall.showcase.order.OrderProblems.Signal;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Placing orders: from a product page (the product's stock, conditional update), from a flash deal (Redis gate,
 * then one shard row and the buyer's holding in PostgreSQL) and, for the quote feature, at a quoted price.
 * Every order carries the buyer's Idempotency-Key: the unique (buyer, key) constraint makes a repeat return the
 * first order, whatever the concurrency; a repeat that asks for something else is refused with 422.
 * <p>
 * A new order is refused when its merchant is suspended (403; for a flash deal the gate says so, see
 * {@link DealGate#closeEarly}), when the buyer acts for the merchant itself (409 {@code own-product}, before the
 * gate takes anything), and when its total is above {@link MoneyBounds#MAX_TOTAL_FEN} (400).
 * <p>
 * A flash-deal repeat whose first request is still being placed (the gate holds its reservation) is answered with the
 * order as soon as PostgreSQL has it; when the instance placing it died, the repeat resolves the reservation from
 * PostgreSQL ({@link DealReservations}): the order if it was written, else a new attempt. "Sold out" or "limit
 * reached" is never the answer to a key whose order exists.
 */
@Service
public class OrderPlacement {

    private static final Log log = LogFactory.getLog(OrderPlacement.class);
    private static final Duration POLL = Duration.ofMillis(50);
    /** While waiting for a repeat's first request, PostgreSQL and the placing instance's liveness are checked every 10 polls. */
    private static final int CHECK_EVERY = 10;

    private final OrderRepository orders;
    private final FlashDealRepository dealRows;
    private final FlashDeals deals;
    private final FlashDealService dealService;
    private final DealGate gate;
    private final DealBroadcaster broadcaster;
    private final ProductCatalogue catalogue;
    private final LiveSessions sessions;
    private final OrderAttempts attempts;
    private final TransactionalOperator tx;
    private final OrderSettings settings;
    private final OrderEvents events;
    private final DealOrderBatches batches;
    private final MerchantAccess merchants;
    private final DealReservations reservations;
    private final Clock clock;
    private final int maxPolls;

    OrderPlacement(OrderRepository orders, FlashDealRepository dealRows, FlashDeals deals, FlashDealService dealService,
                   DealGate gate, DealBroadcaster broadcaster, ProductCatalogue catalogue, LiveSessions sessions,
                   OrderAttempts attempts, TransactionalOperator tx, OrderSettings settings, OrderEvents events,
                   DealOrderBatches batches, MerchantAccess merchants, DealReservations reservations,
                   InstanceRegistry instances, Clock clock) {
        this.orders = orders;
        this.reservations = reservations;
        this.clock = clock;
        // a repeat waits for its first request at least until the instance placing it would be seen dead
        this.maxPolls = (int) (Math.max(Duration.ofSeconds(10).toMillis(), instances.ttl().plusSeconds(2).toMillis())
                / POLL.toMillis());
        this.merchants = merchants;
        this.batches = batches;
        this.dealRows = dealRows;
        this.deals = deals;
        this.dealService = dealService;
        this.gate = gate;
        this.broadcaster = broadcaster;
        this.catalogue = catalogue;
        this.sessions = sessions;
        this.attempts = attempts;
        this.tx = tx;
        this.settings = settings;
        this.events = events;
    }

    Mono<PlacedOrder> place(Buyer buyer, String key, PlaceOrderRequest request) {
        if ((request.productId() == null) == (request.dealId() == null)) {
            return Mono.error(OrderProblems.invalid("productId", "请选择商品或秒杀活动（二选一）"));
        }
        String hash = DealKeys.sha256(request.fingerprint());
        // flash-deal attempts are counted by the gate, in its one Redis call
        Mono<PlacedOrder> placing = request.dealId() != null
                ? placeDeal(buyer, key, hash, request)
                : attempts.count(buyer.id()).then(placeRegular(buyer, key, hash, request));
        return placing
                .doOnNext(placed -> {
                    if (placed.created()) {
                        events.placed(placed.order(), buyer.name());
                    }
                });
    }

    /** An order at a quoted price (the quote feature has checked the quote); same key and stock rules. */
    public Mono<PlacedOrder> placeQuoted(long buyerId, String buyerName, String key, QuotedItem item, Recipient recipient) {
        String hash = quoteHash(item, recipient);
        return catalogue.find(item.productId()).flatMap(product -> {
            MoneyBounds.total(item.unitPriceFen(), item.quantity(), "unitPriceFen");
            NewOrder order = new NewOrder(buyerId, item.merchantId(), product.id(), product.name(), null, null, null,
                    item.quoteId(), item.quantity(), item.unitPriceFen(), key, hash, recipient, "OFFLINE", payBy());
            return merchants.checkSale(item.merchantId(), buyerId)
                    .then(insertTakingStock(order, catalogue.takeStock(product.id(), item.quantity())));
        }).doOnNext(placed -> {
            if (placed.created()) {
                events.placed(placed.order(), buyerName);
            }
        });
    }

    /** The order a buyer already placed with this key for this quote, if any (another request with it: 422). */
    public Mono<PlacedOrder> existingQuoted(long buyerId, String key, QuotedItem item, Recipient recipient) {
        return orders.findByKey(buyerId, key).map(row -> repeatOf(row, quoteHash(item, recipient)));
    }

    private static String quoteHash(QuotedItem item, Recipient recipient) {
        return DealKeys.sha256("quote=" + item.quoteId() + ";n=" + recipient.name() + ";t=" + recipient.phone()
                + ";a=" + recipient.address());
    }

    // ---- product page

    private Mono<PlacedOrder> placeRegular(Buyer buyer, String key, String hash, PlaceOrderRequest request) {
        return orders.findByKey(buyer.id(), key).map(row -> repeatOf(row, hash))
                .switchIfEmpty(Mono.defer(() -> catalogue.find(request.productId()).flatMap(product -> {
                    if (!product.onSale()) {
                        return Mono.error(new ApiProblem(HttpStatus.CONFLICT, "product-not-on-sale", "商品已下架"));
                    }
                    MoneyBounds.total(product.priceFen(), request.quantity(), "quantity");
                    Mono<Long> session = request.sessionId() == null ? Mono.empty()
                            : sessions.find(request.sessionId())
                                    .filter(s -> s.merchantId() == product.merchantId())
                                    .switchIfEmpty(Mono.error(() -> OrderProblems.invalid("sessionId", "该直播不属于此商品的商家")))
                                    .map(s -> s.id());
                    return merchants.checkSale(product.merchantId(), buyer.id())
                            .then(session.map(Optional::of).defaultIfEmpty(Optional.empty()))
                            .flatMap(sid -> {
                                NewOrder order = new NewOrder(buyer.id(), product.merchantId(), product.id(),
                                        product.name(), null, null, sid.orElse(null), null, request.quantity(),
                                        product.priceFen(), key, hash, request.recipient(), "OFFLINE", payBy());
                                return insertTakingStock(order, catalogue.takeStock(product.id(), request.quantity()));
                            });
                })));
    }

    /** Inserts first (a taken key stops here), then takes the stock; both or neither. */
    private Mono<PlacedOrder> insertTakingStock(NewOrder order, Mono<Void> takeStock) {
        return tx.transactional(orders.insert(order)
                        .switchIfEmpty(Mono.error(Signal.KEY_TAKEN))
                        .flatMap(row -> takeStock.thenReturn(row)))
                .map(row -> new PlacedOrder(row.order(), true))
                .onErrorResume(e -> e == Signal.KEY_TAKEN, e -> orders.findByKey(order.buyerId(), order.idempotencyKey())
                        .map(row -> repeatOf(row, order.requestHash())));
    }

    // ---- flash deal

    private record Attempt(Buyer buyer, String key, String hash, PlaceOrderRequest request, FlashDeal deal) {
    }

    private Mono<PlacedOrder> placeDeal(Buyer buyer, String key, String hash, PlaceOrderRequest request) {
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
                    // the call failed, but Redis may have run it: what it may have reserved under this token goes back
                    .onErrorResume(e -> safely(gate.release(dealId, a.buyer().id(), a.key(), token, true).then()).then(Mono.error(e)))
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
                ? reservations.resolve(pending).flatMap(row -> row.isPresent() ? Mono.just(repeatOf(row.get(), a.hash()))
                        : round < 3 ? attempt(a, round + 1) : Mono.error(OrderProblems.inProgress()))
                : orders.findByKey(a.buyer().id(), a.key()).timeout(DealGate.CALL_TIMEOUT).map(row -> repeatOf(row, a.hash())));
    }

    private Mono<PlacedOrder> repeatOfMarker(long orderId, Attempt a, int round) {
        return orders.find(orderId).filter(row -> row.order().buyerId() == a.buyer().id())
                .map(row -> repeatOf(row, a.hash()))
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
                deal.sessionId(), null, n, deal.priceFen(), a.key(), a.hash(), a.request().recipient(), "OFFLINE", payBy());
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
                            .then(Mono.fromCallable(() -> repeatOf(row, a.hash()))));
        }
        if (e == Signal.SOLD_OUT_IN_DB) {
            return safely(gate.release(deal.id(), buyerId, a.key(), token, false).then())
                    .then(safely(dealRows.remaining(deal.id()).flatMap(left -> gate.resync(deal.id(), left))))
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

    // ---- shared

    private Mono<PlacedOrder> knownOrder(long dealId, long buyerId, String key, String hash) {
        return gate.marker(dealId, buyerId, key)
                .flatMap(m -> orders.find(Long.parseLong(m)))
                .switchIfEmpty(Mono.defer(() -> orders.findByKey(buyerId, key)))
                .filter(row -> row.order().buyerId() == buyerId)
                .map(row -> repeatOf(row, hash));
    }

    private static PlacedOrder repeatOf(Order.Row row, String hash) {
        if (!row.requestHash().equals(hash)) {
            throw OrderProblems.keyReused();
        }
        return new PlacedOrder(row.order(), false);
    }

    private Instant payBy() {
        return clock.instant().plus(settings.payWithin());
    }

    private static Mono<Void> safely(Mono<Void> compensation) {
        return compensation.onErrorResume(e -> {
            log.warn("Giving the flash-deal gate back failed; the reconciler resolves the reservation later", e);
            return Mono.empty();
        });
    }
}
