package io.livehall.fair.screening;

import io.livehall.common.text.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why the organisers turn a registration down or what more they need; the enterprise sees it. */
record ReasonRequest(
        @NotBlank(message = "请填写原因") @Size(max = 500, message = "原因最多 500 字") @PlainText(multiline = true)
        String reason) {
}
