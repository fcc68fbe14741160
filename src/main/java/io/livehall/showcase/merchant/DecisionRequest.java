package io.livehall.showcase.merchant;

import io.livehall.common.text.PlainText;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** An organiser's decision; a rejection or a request for changes says why. */
record DecisionRequest(
        @NotNull(message = "请选择审核结果") Decision decision,
        @Size(max = 500, message = "原因不能超过 500 个字") @PlainText(multiline = true) String reason) {
}
