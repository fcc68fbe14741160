package io.livehall.showcase.order;

import io.livehall.common.text.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Small request bodies of the order endpoints. */
final class OrderRequests {

    private OrderRequests() {
    }

    record ConfirmPayment(@NotBlank(message = "请填写收款凭证号") @Size(max = 64, message = "收款凭证号最多 64 个字") @PlainText String reference) {
    }

    /** A carrier from {@link Carriers#NAMES} and its tracking number (8-30 letters, digits, inner hyphens). */
    record Ship(@NotBlank(message = "请选择快递公司")
                @Pattern(regexp = Carriers.PATTERN, message = "请从列表中选择快递公司") @PlainText String carrier,
                @NotBlank(message = "请填写快递单号") @Size(min = 8, max = 30, message = "快递单号为 8-30 位")
                @Pattern(regexp = Carriers.TRACKING_NO, message = "快递单号只能包含字母、数字和连字符") @PlainText String trackingNo) {
    }

    record Cancel(@Size(max = 200, message = "取消原因最多 200 个字") @PlainText(multiline = true) String reason) {
    }
}
