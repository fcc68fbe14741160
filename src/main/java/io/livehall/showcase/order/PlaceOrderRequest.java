package io.livehall.showcase.order;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * An order from a product page ({@code productId}, optionally the live {@code sessionId} it was bought in) or
 * from a flash deal ({@code dealId}); exactly one of productId and dealId.
 */
record PlaceOrderRequest(
        Long productId,
        Long dealId,
        Long sessionId,
        @NotNull(message = "请填写数量") @Min(value = 1, message = "数量至少为 1") @Max(value = 999, message = "数量最多 999")
        Integer quantity,
        @NotNull(message = "请填写收货信息") @Valid Recipient recipient) {

    /** What the Idempotency-Key stands for: a repeat must ask for the same. */
    String fingerprint() {
        return "p=" + productId + ";d=" + dealId + ";s=" + sessionId + ";q=" + quantity + ";n=" + recipient.name()
                + ";t=" + recipient.phone() + ";a=" + recipient.address();
    }
}
