package io.livehall.training;

import java.time.Instant;
import java.util.List;

import io.livehall.common.text.PlainText;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * A session as the organiser schedules or edits it: lecturer, start, duration (5–720 minutes), the external stream
 * the session page plays (the same address rule as showcase sessions) and its materials (uploaded files, in order).
 */
record SessionRequest(
        @NotBlank(message = "请填写课程标题") @Size(max = 100, message = "课程标题最多 100 字") @PlainText String title,
        @NotBlank(message = "请填写讲师") @Size(max = 50, message = "讲师最多 50 字") @PlainText String lecturer,
        @NotNull(message = "请选择开始时间") Instant startsAt,
        @NotNull(message = "请填写时长") @Min(value = 5, message = "时长至少 5 分钟")
        @Max(value = 720, message = "时长最多 720 分钟") Integer durationMinutes,
        @NotBlank(message = "请填写直播流地址") @Size(max = 500, message = "直播流地址最长 500 个字符") @PlainText
        @Pattern(regexp = STREAM_URL_OR_PATH, message = URL_RULE)
        String streamUrl,
        @Size(max = 20, message = "每节课最多 20 份资料")
        List<@NotNull(message = "资料编号不能为空") @Positive(message = "资料无效") Long> materialFileIds) {

    /**
     * Scheme, a host (optionally with a port), then any path/query without spaces, no user-info; or a path on the
     * platform's own host (the demo loop, {@code /demo/stream/live.m3u8}): accepted here so a session holding one can be edited with it unchanged; the service refuses a path that is new (an organiser enters a full address).
     */
    static final String STREAM_URL_OR_PATH = "^((https?|wss?|webrtc)://[A-Za-z0-9.-]+(:[0-9]{1,5})?([/?#][^\\s]*)?|/[^/\\s][^\\s]*)$";
    static final String URL_RULE = "直播流地址需为 http(s)://、ws(s):// 或 webrtc:// 开头的完整地址";

    boolean streamIsPath() {
        return streamUrl != null && streamUrl.strip().startsWith("/");
    }

    List<Long> materials() {
        return materialFileIds == null ? List.of() : materialFileIds;
    }
}
