package io.livehall.training.replay;

import io.livehall.common.text.PlainText;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A chapter of a replay: a title and where it starts, in seconds from the start of the recording. */
record ChapterRequest(
        @NotBlank(message = "请填写章节标题") @Size(max = 40, message = "章节标题最多 40 字") @PlainText String title,
        @NotNull(message = "请填写章节开始时间") @Min(value = 0, message = "章节开始时间不能为负")
        @Max(value = ReplayRequest.MAX_SECONDS, message = "章节开始时间需在 24 小时以内") Integer startSeconds) {
}
