package io.livehall.showcase.order;

import java.time.Instant;

/**
 * A flash deal as buyers see it, on {@code /topic/live/{sessionId}/deals} and over HTTP. {@code stockLeft} comes
 * from the Redis gate; clients count down from {@code endsAt} (and {@code startsAt} while UPCOMING). {@code sold} is
 * what buyers took: the quantity less the stock left, and once settled, less what went back to the product.
 */
public record FlashDealView(long id, long sessionId, long productId, String productName, long listPriceFen,
                            long priceFen, int quantity, int perBuyerLimit, long stockLeft, Instant startsAt,
                            Instant endsAt, String status, Instant at, int sold) {

    static FlashDealView of(FlashDeal deal, long stockLeft, Instant now) {
        long left = Math.max(0, Math.min(stockLeft, deal.quantity()));
        long notSold = deal.settledAt() != null && deal.unsoldReturned() != null ? deal.unsoldReturned() : left;
        int sold = (int) Math.max(0, deal.quantity() - Math.min(notSold, deal.quantity()));
        return new FlashDealView(deal.id(), deal.sessionId(), deal.productId(), deal.productName(), deal.listPriceFen(),
                deal.priceFen(), deal.quantity(), deal.perBuyerLimit(), left, deal.startsAt(), deal.endsAt(),
                deal.status(now, left), now, sold);
    }
}
