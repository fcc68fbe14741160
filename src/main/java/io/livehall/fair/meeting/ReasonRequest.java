package io.livehall.fair.meeting;

import io.livehall.common.text.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why a meeting is declined (required) or cancelled (optional); the other side sees it. */
record ReasonRequest(
        @NotBlank(message = "请填写原因") @Size(max = 500, message = "原因最多 500 字") @PlainText(multiline = true)
        String reason) {
}
