package io.livehall.fair.meeting;

import java.time.LocalDate;
import java.time.LocalTime;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * Slots generated in bulk on one day (北京时间): from {@code from} to {@code until}, {@code minutes} long, with
 * {@code breakMinutes} between two (e.g. 20-minute slots from 09:00 to 17:00, no break).
 */
record SlotsRequest(
        @NotNull(message = "请选择日期") LocalDate date,
        @NotNull(message = "请填写开始时间") LocalTime from,
        @NotNull(message = "请填写结束时间") LocalTime until,
        @NotNull(message = "请填写每个时段的分钟数") @Min(value = 5, message = "每个时段至少 5 分钟")
        @Max(value = 240, message = "每个时段最多 240 分钟") Integer minutes,
        @Min(value = 0, message = "间隔不能为负") @Max(value = 120, message = "间隔最多 120 分钟") Integer breakMinutes) {
}
