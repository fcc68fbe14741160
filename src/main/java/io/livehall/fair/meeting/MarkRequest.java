package io.livehall.fair.meeting;

import io.livehall.common.text.PlainText;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** The organisers mark a booked meeting as held (HELD) or missed (NO_SHOW). */
record MarkRequest(@NotNull(message = "请选择标记") @Pattern(regexp = "HELD|NO_SHOW", message = "标记须为 HELD 或 NO_SHOW")
                   @PlainText String status) {
}
