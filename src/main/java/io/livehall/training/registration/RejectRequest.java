package io.livehall.training.registration;

import io.livehall.common.text.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why the organiser turns a registration down; the person sees it. */
record RejectRequest(
        @NotBlank(message = "请填写未通过的原因") @Size(max = 200, message = "原因最多 200 字") @PlainText(multiline = true)
        String reason) {
}
