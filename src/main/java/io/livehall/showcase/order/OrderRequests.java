package io.livehall.showcase.order;

import io.livehall.common.text.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Small request bodies of the order endpoints. */
final class OrderRequests {

    private OrderRequests() {
    }

    record ConfirmPayment(@NotBlank(message = "请填写收款凭证号") @Size(max = 64, message = "收款凭证号最多 64 个字") @PlainText String reference) {
    }

    record Ship(@NotBlank(message = "请填写快递公司") @Size(max = 40, message = "快递公司最多 40 个字") @PlainText String carrier,
                @NotBlank(message = "请填写快递单号") @Size(max = 40, message = "快递单号最多 40 个字") @PlainText String trackingNo) {
    }

    record Cancel(@Size(max = 200, message = "取消原因最多 200 个字") @PlainText(multiline = true) String reason) {
    }
}
