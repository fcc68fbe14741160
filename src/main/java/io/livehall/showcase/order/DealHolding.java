package io.livehall.showcase.order;

/**
 * What the signed-in buyer holds of one flash deal, as the gate counts it (orders placed and orders being placed):
 * {@code bought} units of {@code perBuyerLimit}, {@code left} more allowed ({@code limitReached} when none).
 */
public record DealHolding(long dealId, int perBuyerLimit, int bought, int left, boolean limitReached) {

    static DealHolding of(FlashDeal deal, long held) {
        int bought = (int) Math.max(0, Math.min(held, deal.perBuyerLimit()));
        int left = deal.perBuyerLimit() - bought;
        return new DealHolding(deal.id(), deal.perBuyerLimit(), bought, left, left == 0);
    }
}
