package io.livehall.showcase.order;

import java.time.Instant;

import io.livehall.common.money.MoneyBounds;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * A merchant opens a flash deal in its live session: the deal price, how many, at most how many per buyer,
 * when it starts (null = now; at most an hour ahead) and for how long (10–300 s).
 */
record OpenDealRequest(
        @NotNull(message = "请选择直播") Long sessionId,
        @NotNull(message = "请选择商品") Long productId,
        @NotNull(message = "请填写秒杀价") @Min(value = 1, message = "秒杀价至少 0.01 元")
        @Max(value = MoneyBounds.MAX_PRICE_FEN, message = "秒杀价不能超过 1000 万元") Long priceFen,
        @NotNull(message = "请填写秒杀数量") @Min(value = 1, message = "秒杀数量至少为 1")
        @Max(value = MoneyBounds.MAX_QUANTITY, message = "秒杀数量不能超过 1000000") Integer quantity,
        @NotNull(message = "请填写每人限购") @Min(value = 1, message = "每人限购至少为 1")
        @Max(value = 1000, message = "每人限购不能超过 1000") Integer perBuyerLimit,
        Instant startsAt,
        @NotNull(message = "请填写持续时间") @Min(value = 10, message = "持续时间为 10-300 秒")
        @Max(value = 300, message = "持续时间为 10-300 秒") Integer durationSeconds) {
}
