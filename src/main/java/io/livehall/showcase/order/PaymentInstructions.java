package io.livehall.showcase.order;

import java.time.Instant;

/**
 * What the buyer sees to pay an order: a text (offline), or where to go ({@code redirectUrl}) or what to scan
 * ({@code qrCode}) for an online provider.
 */
public record PaymentInstructions(long orderId, String method, long amountFen, Instant payBy, String title, String text,
                                  String redirectUrl, String qrCode) {
}
