package io.livehall.showcase.order;

import reactor.core.publisher.Mono;

/**
 * How a buyer pays an order. The built-in {@link OfflinePaymentGateway} tells the buyer how to pay the merchant
 * directly (bank transfer, on-site) and the merchant confirms receipt. A real provider (WeChat Pay / Alipay
 * style) implements {@link #instructions} by creating a payment at the provider and answering its redirect URL
 * or QR code, and receives the provider's asynchronous notification on its own endpoint, verifies the signature
 * and calls {@link Payments#confirmPaid} (idempotent). See docs/payments.md.
 */
public interface PaymentGateway {

    /** The method name stored on orders, e.g. {@code OFFLINE}, {@code WECHAT}. */
    String method();

    /** What the buyer does to pay this (CREATED) order. */
    Mono<PaymentInstructions> instructions(Order order);
}
