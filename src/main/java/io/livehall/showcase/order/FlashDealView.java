package io.livehall.showcase.order;

import java.time.Instant;

/**
 * A flash deal as buyers see it, on {@code /topic/live/{sessionId}/deals} and over HTTP. {@code stockLeft} comes
 * from the Redis gate; clients count down from {@code endsAt} (and {@code startsAt} while UPCOMING).
 */
public record FlashDealView(long id, long sessionId, long productId, String productName, long listPriceFen,
                            long priceFen, int quantity, int perBuyerLimit, long stockLeft, Instant startsAt,
                            Instant endsAt, String status, Instant at) {

    static FlashDealView of(FlashDeal deal, long stockLeft, Instant now) {
        long left = Math.max(0, Math.min(stockLeft, deal.quantity()));
        return new FlashDealView(deal.id(), deal.sessionId(), deal.productId(), deal.productName(), deal.listPriceFen(),
                deal.priceFen(), deal.quantity(), deal.perBuyerLimit(), left, deal.startsAt(), deal.endsAt(),
                deal.status(now, left), now);
    }
}
