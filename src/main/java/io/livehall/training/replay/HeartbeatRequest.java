package io.livehall.training.replay;

import io.livehall.common.text.PlainText;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * What the replay player sends every 15 s of playing: the id it made for this play (a UUID, new for each play) and
 * where the recording is now, in seconds.
 */
record HeartbeatRequest(
        @NotNull(message = "缺少播放编号")
        @Pattern(regexp = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$",
                message = "播放编号无效") @PlainText String viewId,
        @NotNull(message = "缺少播放位置") @Min(value = 0, message = "播放位置不能为负")
        @Max(value = ReplayRequest.MAX_SECONDS, message = "播放位置需在 24 小时以内") Integer positionSeconds) {
}
