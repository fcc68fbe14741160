package io.livehall.showcase.order;

import io.livehall.common.error.ApiProblem;
import io.livehall.showcase.catalogue.ProductCatalogue;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * An order's way after it was placed: CREATED → PAID (see {@link Payments}) → SHIPPED → COMPLETED, or CREATED →
 * CANCELLED by the buyer, the merchant or the unpaid-order sweeper. Each step is one conditional update; a
 * cancellation returns the stock in the same transaction (to the product, or to the deal's shard and buyer
 * holding while the deal is not settled, then to the gate), so it happens exactly once.
 */
@Service
class OrderLifecycle {

    private static final Log log = LogFactory.getLog(OrderLifecycle.class);

    private final OrderRepository orders;
    private final FlashDealRepository dealRows;
    private final DealGate gate;
    private final DealBroadcaster broadcaster;
    private final ProductCatalogue catalogue;
    private final TransactionalOperator tx;
    private final OrderEvents events;

    OrderLifecycle(OrderRepository orders, FlashDealRepository dealRows, DealGate gate, DealBroadcaster broadcaster,
                   ProductCatalogue catalogue, TransactionalOperator tx, OrderEvents events) {
        this.orders = orders;
        this.dealRows = dealRows;
        this.gate = gate;
        this.broadcaster = broadcaster;
        this.catalogue = catalogue;
        this.tx = tx;
        this.events = events;
    }

    Mono<Order> ofBuyer(long buyerId, long orderId) {
        return orders.find(orderId).map(Order.Row::order).filter(o -> o.buyerId() == buyerId)
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("订单")));
    }

    Mono<Order> ofMerchant(long merchantId, long orderId) {
        return orders.find(orderId).map(Order.Row::order).filter(o -> o.merchantId() == merchantId)
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("订单")));
    }

    Mono<Order> cancelByBuyer(long buyerId, long orderId) {
        return cancel(orders.cancel(orderId, "buyer_id", buyerId, "BUYER", "买家取消"), ofBuyer(buyerId, orderId));
    }

    Mono<Order> cancelByMerchant(long merchantId, long orderId, String reason) {
        String why = reason == null || reason.isBlank() ? "商家取消" : reason.strip();
        return cancel(orders.cancel(orderId, "merchant_id", merchantId, "MERCHANT", why), ofMerchant(merchantId, orderId));
    }

    Mono<Order> ship(long merchantId, long orderId, String carrier, String trackingNo) {
        return tx.transactional(orders.ship(orderId, merchantId, carrier.strip(), trackingNo.strip().toUpperCase(java.util.Locale.ROOT)).map(Order.Row::order)
                        .flatMap(o -> events.statusChanged(o).thenReturn(o)))
                .switchIfEmpty(Mono.defer(() -> ofMerchant(merchantId, orderId)
                        .flatMap(o -> Mono.error(OrderProblems.wrongStatus(
                                "订单当前状态为" + OrderCsv.statusLabel(o.status()) + "，只有已付款的订单可以发货")))));
    }

    Mono<Order> confirmReceipt(long buyerId, long orderId) {
        return tx.transactional(orders.complete(orderId, buyerId).map(Order.Row::order)
                        .flatMap(o -> events.statusChanged(o).thenReturn(o)))
                .switchIfEmpty(Mono.defer(() -> ofBuyer(buyerId, orderId)
                        .flatMap(o -> Mono.error(OrderProblems.wrongStatus(
                                "订单当前状态为" + OrderCsv.statusLabel(o.status()) + "，只有已发货的订单可以确认收货")))));
    }

    /**
     * Cancels every unpaid order of a suspended merchant (by SYSTEM, the buyers are told why), each in its own
     * transaction with its stock returned, so nobody pays a merchant that may not trade; paid orders stay and are
     * still shipped. Answers how many this call cancelled.
     */
    Mono<Long> cancelUnpaidOf(long merchantId) {
        return orders.unpaidOfMerchant(merchantId)
                .concatMap(id -> cancelled(orders.cancel(id, "merchant_id", merchantId, "SYSTEM", SUSPENDED_REASON)))
                .count();
    }

    static final String SUSPENDED_REASON = "商家已暂停营业，未付款的订单已自动取消";

    /** Cancels unpaid orders past their deadline, one transaction each; answers how many this call cancelled. */
    Mono<Long> expireDue(int batch) {
        return orders.dueUnpaid(batch)
                .concatMap(id -> cancelled(orders.expire(id)))
                .count();
    }

    private Mono<Order> cancel(Mono<Order.Row> update, Mono<Order> current) {
        return cancelled(update)
                .switchIfEmpty(Mono.defer(() -> current.flatMap(o -> Mono.error(OrderProblems.wrongStatus(
                        "订单当前状态为" + OrderCsv.statusLabel(o.status()) + "，只有待付款的订单可以取消")))));
    }

    private record Cancelled(Order order, boolean backToDeal) {
    }

    /** Runs the status change and the stock return in one transaction; then gives the gate back. */
    private Mono<Order> cancelled(Mono<Order.Row> update) {
        Mono<Cancelled> inTransaction = update.flatMap(row -> {
            Order o = row.order();
            if (o.dealId() == null) {
                return catalogue.returnStock(o.productId(), o.quantity()).thenReturn(new Cancelled(o, false));
            }
            return dealRows.lockSettled(o.dealId()).flatMap(settled -> dealRows.holdLess(o.dealId(), o.buyerId(), o.quantity())
                    .then(settled ? catalogue.returnStock(o.productId(), o.quantity())
                            : dealRows.returnToShard(o.dealId(), row.dealShard(), o.quantity()))
                    .thenReturn(new Cancelled(o, !settled)));
        });
        return tx.transactional(inTransaction.flatMap(c -> events.statusChanged(c.order()).thenReturn(c))).flatMap(c -> {
            if (!c.backToDeal()) {
                return Mono.just(c.order());
            }
            broadcaster.changed(c.order().dealId());
            return gate.giveBack(c.order().dealId(), c.order().buyerId(), c.order().quantity())
                    .onErrorResume(e -> {
                        log.warn("Giving a cancelled order back to the gate of deal " + c.order().dealId() + " failed", e);
                        return Mono.empty();
                    })
                    .thenReturn(c.order());
        });
    }
}
