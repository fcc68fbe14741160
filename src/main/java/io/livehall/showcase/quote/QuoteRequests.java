package io.livehall.showcase.quote;

import java.time.Instant;

import io.livehall.common.money.MoneyBounds;
import io.livehall.common.text.PlainText;
import io.livehall.showcase.order.Recipient;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Request bodies of the quote endpoints. */
final class QuoteRequests {

    private QuoteRequests() {
    }

    record Ask(@NotNull(message = "请选择商品") Long productId,
               @NotNull(message = "请填写采购数量") @Min(value = 1, message = "采购数量至少为 1")
               @Max(value = MoneyBounds.MAX_QUANTITY, message = "采购数量不能超过 1000000") Integer quantity,
               @Size(max = 1000, message = "备注最多 1000 个字") @PlainText(multiline = true) String note) {
    }

    record Answer(@NotNull(message = "请填写单价") @Min(value = 1, message = "单价至少 0.01 元")
                  @Max(value = MoneyBounds.MAX_PRICE_FEN, message = "单价不能超过 1000 万元") Long unitPriceFen,
                  @NotNull(message = "请填写报价有效期") Instant validUntil,
                  @Size(max = 1000, message = "说明最多 1000 个字") @PlainText(multiline = true) String note) {
    }

    record Accept(@NotNull(message = "请填写收货信息") @Valid Recipient recipient) {
    }
}
