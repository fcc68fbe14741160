package io.livehall.showcase.merchant;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** How many live sessions a merchant may have on air at the same time (1 unless an organiser allows more). */
record LiveAllowanceUpdate(@NotNull(message = "请填写同时开播场次")
                           @Min(value = 1, message = "同时开播场次为 1-10")
                           @Max(value = 10, message = "同时开播场次为 1-10") Integer liveAllowance) {
}
