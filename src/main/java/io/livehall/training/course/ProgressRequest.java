package io.livehall.training.course;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * A player's report: where it is in the lesson and how many seconds this learner has played of it in total (the
 * player's own count, which the server credits only as far as wall-clock time allows: CourseProgressRules).
 */
record ProgressRequest(
        @NotNull(message = "请提供播放位置") @Min(value = 0, message = "播放位置不能为负")
        @Max(value = 86400, message = "播放位置超出课时时长") Integer positionSeconds,
        @NotNull(message = "请提供观看时长") @Min(value = 0, message = "观看时长不能为负")
        @Max(value = 86400, message = "观看时长超出范围") Integer watchedSeconds) {
}
