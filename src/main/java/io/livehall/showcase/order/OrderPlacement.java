package io.livehall.showcase.order;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import io.livehall.common.error.ApiProblem;
import io.livehall.common.money.MoneyBounds;
import io.livehall.showcase.catalogue.ProductCatalogue;
import io.livehall.showcase.live.LiveSessions;
import io.livehall.showcase.merchant.MerchantAccess;
import io.livehall.showcase.order.OrderProblems.Signal;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Placing orders: from a product page (the product's stock, conditional update), from a flash deal
 * ({@link DealOrderAttempt}: Redis gate, then one shard row and the buyer's holding in PostgreSQL) and, for the quote
 * feature, at a quoted price. Every order carries the buyer's Idempotency-Key: the unique (buyer, key) constraint
 * makes a repeat return the first order, whatever the concurrency; a repeat that asks for something else is refused
 * with 422.
 * <p>
 * A new order is refused when its merchant is suspended (403; for a flash deal the gate says so, see
 * {@link DealGateStock#closeEarly}), when the buyer acts for the merchant itself (409 {@code own-product}, before the
 * gate takes anything), and when its total is above {@link MoneyBounds#MAX_TOTAL_FEN} (400).
 */
@Service
public class OrderPlacement {

    private final OrderRepository orders;
    private final DealOrderAttempt dealOrders;
    private final ProductCatalogue catalogue;
    private final LiveSessions sessions;
    private final OrderAttempts attempts;
    private final TransactionalOperator tx;
    private final OrderSettings settings;
    private final OrderEvents events;
    private final MerchantAccess merchants;
    private final Clock clock;

    OrderPlacement(OrderRepository orders, DealOrderAttempt dealOrders, ProductCatalogue catalogue,
                   LiveSessions sessions, OrderAttempts attempts, TransactionalOperator tx, OrderSettings settings,
                   OrderEvents events, MerchantAccess merchants, Clock clock) {
        this.orders = orders;
        this.dealOrders = dealOrders;
        this.catalogue = catalogue;
        this.sessions = sessions;
        this.attempts = attempts;
        this.tx = tx;
        this.settings = settings;
        this.events = events;
        this.merchants = merchants;
        this.clock = clock;
    }

    Mono<PlacedOrder> place(Buyer buyer, String key, PlaceOrderRequest request) {
        if ((request.productId() == null) == (request.dealId() == null)) {
            return Mono.error(OrderProblems.invalid("productId", "请选择商品或秒杀活动（二选一）"));
        }
        String hash = DealKeys.sha256(request.fingerprint());
        // flash-deal attempts are counted by the gate, in its one Redis call
        Mono<PlacedOrder> placing = request.dealId() != null
                ? dealOrders.place(buyer, key, hash, request)
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
        return orders.findByKey(buyerId, key).map(row -> PlacedOrder.repeatOf(row, quoteHash(item, recipient)));
    }

    private static String quoteHash(QuotedItem item, Recipient recipient) {
        return DealKeys.sha256("quote=" + item.quoteId() + ";n=" + recipient.name() + ";t=" + recipient.phone()
                + ";a=" + recipient.address());
    }

    // ---- product page

    private Mono<PlacedOrder> placeRegular(Buyer buyer, String key, String hash, PlaceOrderRequest request) {
        return orders.findByKey(buyer.id(), key).map(row -> PlacedOrder.repeatOf(row, hash))
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
                        .map(row -> PlacedOrder.repeatOf(row, order.requestHash())));
    }

    private Instant payBy() {
        return settings.payBy(clock.instant());
    }
}
