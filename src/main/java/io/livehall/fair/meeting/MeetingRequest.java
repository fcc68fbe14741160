package io.livehall.fair.meeting;

import java.util.List;

import io.livehall.common.text.PlainText;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** A request to meet another approved participant: a message (≤ 500) and up to five preferred slots. */
record MeetingRequest(
        @NotNull(message = "请选择约见的企业") @Positive(message = "请选择约见的企业") Long inviteeId,
        @Size(max = 500, message = "留言最多 500 字") @PlainText(multiline = true) String message,
        @Size(max = 5, message = "最多选择 5 个意向时段") List<@NotNull(message = "时段不能为空") Long> slotIds) {
}
