package io.livehall.fair.listing;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/**
 * A directory to publish: of one fair the organiser runs ({@code fairId}), or of every published public fair they run
 * (null), for one quarter of a year.
 */
record DirectoryRequest(
        @Positive(message = "对接会无效") Long fairId,
        @NotNull(message = "请选择年份") @Min(value = 2020, message = "年份需在 2020–2100 之间")
        @Max(value = 2100, message = "年份需在 2020–2100 之间") Integer year,
        @NotNull(message = "请选择季度") @Min(value = 1, message = "季度需为 1–4") @Max(value = 4, message = "季度需为 1–4")
        Integer quarter) {
}
