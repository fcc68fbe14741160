package io.livehall.showcase.order;

import java.util.List;

import io.livehall.common.error.ApiProblem;
import io.livehall.common.error.FieldProblem;
import io.livehall.common.money.MoneyBounds;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Payment confirmations, from a merchant (offline) or from a provider's verified notification. Marking paid is
 * idempotent: a second confirmation with the same reference answers the paid order; only a CREATED order
 * becomes PAID.
 */
@Service
public class Payments {

    private final List<PaymentGateway> gateways;
    private final OrderRepository orders;
    private final OrderEvents events;

    private final TransactionalOperator tx;

    Payments(List<PaymentGateway> gateways, OrderRepository orders, OrderEvents events, TransactionalOperator tx) {
        this.tx = tx;
        this.gateways = gateways;
        this.orders = orders;
        this.events = events;
    }

    PaymentGateway gateway(String method) {
        return gateways.stream().filter(g -> g.method().equals(method)).findFirst()
                .orElseThrow(() -> new IllegalStateException("No payment gateway for " + method));
    }

    /** A provider's notification (already verified by its gateway): the amount must match the order's total. */
    public Mono<Order> confirmPaid(long orderId, String method, String reference, long amountFen) {
        if (amountFen < 1 || amountFen > MoneyBounds.MAX_TOTAL_FEN) {
            String message = "支付金额超出允许范围";
            return Mono.error(new ApiProblem(HttpStatus.BAD_REQUEST, "validation", message,
                    List.of(new FieldProblem("amountFen", message))));
        }
        return orders.find(orderId)
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("订单")))
                .flatMap(row -> {
                    if (row.order().totalFen() != amountFen) {
                        return Mono.error(new ApiProblem(HttpStatus.CONFLICT, "amount-mismatch", "支付金额与订单金额不符"));
                    }
                    return markPaid(row.order(), row.order().merchantId(), method, reference);
                });
    }

    /** The merchant confirms it received the money (offline payment). */
    Mono<Order> confirmByMerchant(long merchantId, long orderId, String reference) {
        return orders.find(orderId)
                .filter(row -> row.order().merchantId() == merchantId)
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("订单")))
                .flatMap(row -> markPaid(row.order(), merchantId, OfflinePaymentGateway.METHOD, reference));
    }

    private Mono<Order> markPaid(Order order, long merchantId, String method, String reference) {
        if ("PAID".equals(order.status()) && reference.equals(order.paymentReference())) {
            return Mono.just(order);
        }
        return tx.transactional(orders.markPaid(order.id(), merchantId, method, reference)
                        .map(Order.Row::order)
                        .flatMap(o -> events.statusChanged(o).thenReturn(o)))
                .switchIfEmpty(Mono.defer(() -> orders.find(order.id()).flatMap(now ->
                        "PAID".equals(now.order().status()) && reference.equals(now.order().paymentReference())
                                ? Mono.just(now.order())
                                : Mono.error(OrderProblems.wrongStatus("订单当前状态为" + OrderCsv.statusLabel(now.order().status())
                                        + "，不能确认收款")))));
    }
}
