package io.livehall.training.course;

import io.livehall.common.text.PlainText;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A lesson as the organiser adds or edits it: a video the player can play on demand, an https HLS playlist (.m3u8)
 * or MP4 file, or a path on the platform's own host (the local demo loop), and its length in seconds (1 s – 24 h).
 */
record LessonRequest(
        @NotBlank(message = "请填写课时标题") @Size(max = 100, message = "课时标题最多 100 字") @PlainText String title,
        @NotBlank(message = "请填写视频地址") @Size(max = 500, message = "视频地址最长 500 个字符") @PlainText
        @Pattern(regexp = VIDEO_URL, message = "视频地址需为 https:// 开头的 .m3u8 或 .mp4 地址，或本平台的 /路径")
        String videoUrl,
        @NotNull(message = "请填写时长") @Min(value = 1, message = "时长至少 1 秒")
        @Max(value = 86400, message = "时长最多 24 小时") Integer durationSeconds) {

    /**
     * https with a host (optionally a port), or a platform path (not protocol-relative); the path ends in .m3u8 or
     * .mp4 (any case) before an optional query. The host part is the stream rule of trainings and live sessions.
     */
    static final String VIDEO_URL = "^(https://[A-Za-z0-9.-]+(:[0-9]{1,5})?|(?=/[^/]))/[^\\s?#]*\\.(?i:m3u8|mp4)([?#][^\\s]*)?$";
}
