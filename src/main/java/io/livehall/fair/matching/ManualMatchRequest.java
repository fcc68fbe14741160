package io.livehall.fair.matching;

import io.livehall.common.text.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** Two approved participants an organiser matches by hand, and why (both see the note). */
record ManualMatchRequest(
        @NotNull(message = "请选择第一家企业") @Positive(message = "企业编号无效") Long participantA,
        @NotNull(message = "请选择第二家企业") @Positive(message = "企业编号无效") Long participantB,
        @NotBlank(message = "请填写推荐理由") @Size(max = 500, message = "推荐理由最多 500 字") @PlainText(multiline = true)
        String note) {
}
