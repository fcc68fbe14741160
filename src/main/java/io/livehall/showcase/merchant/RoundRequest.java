package io.livehall.showcase.merchant;

import java.time.Instant;

import io.livehall.common.text.PlainText;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A new selection round (遴选批次): how many merchants it admits and when applications are accepted. */
record RoundRequest(
        @NotBlank(message = "请填写批次名称") @Size(max = 100, message = "批次名称不能超过 100 个字") @PlainText
        String name,
        @NotNull(message = "请填写入选名额") @Min(value = 1, message = "名额至少为 1")
        @Max(value = 10000, message = "名额不能超过 10000")
        Integer quota,
        @NotNull(message = "请填写开始时间")
        Instant opensAt,
        @NotNull(message = "请填写截止时间")
        Instant closesAt) {
}
