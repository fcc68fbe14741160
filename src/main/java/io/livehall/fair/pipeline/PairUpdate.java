package io.livehall.fair.pipeline;

import java.time.LocalDate;

import io.livehall.common.text.PlainText;
import io.livehall.fair.PairStage;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * A change of a pair as either side or an organiser makes it: the stage it should stand at and its amounts and dates
 * (the whole state; a missing amount or date is cleared), a note kept in the history, and the reason a step back or a
 * drop needs. {@code version} is the version the change was made on (a stale one answers 409).
 */
record PairUpdate(
        @NotNull(message = "缺少版本号，请刷新后重试") @PositiveOrZero(message = "版本号无效")
        Integer version,
        @NotNull(message = "请选择阶段")
        PairStage stage,
        @Positive(message = "意向金额须大于 0") @Max(value = PipelineRules.MAX_AMOUNT_FEN, message = "意向金额不能超过 1 万亿元")
        Long intendedAmountFen,
        LocalDate intendedOn,
        @Positive(message = "签约金额须大于 0") @Max(value = PipelineRules.MAX_AMOUNT_FEN, message = "签约金额不能超过 1 万亿元")
        Long signedAmountFen,
        LocalDate signedOn,
        @Size(max = 1000, message = "备注最多 1000 字") @PlainText(multiline = true)
        String note,
        @Size(max = 500, message = "原因最多 500 字") @PlainText(multiline = true)
        String reason) {

    String noteText() {
        return note == null || note.isBlank() ? null : note.strip();
    }

    String reasonText() {
        return reason == null || reason.isBlank() ? null : reason.strip();
    }
}
