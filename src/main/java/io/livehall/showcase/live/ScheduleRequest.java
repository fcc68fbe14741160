package io.livehall.showcase.live;

import java.time.Instant;
import java.util.List;

import io.livehall.common.text.PlainText;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * A session as the merchant schedules or edits it. {@code productIds} is the lineup in presentation order
 * (the merchant's own on-sale products); {@code coverFileId} an uploaded IMAGE; {@code streamUrl} the external
 * source the room's player plays (HLS {@code .m3u8}, FLV, WebRTC).
 */
record ScheduleRequest(
        @NotBlank(message = "请填写直播标题") @Size(max = 100, message = "标题最多 100 字") @PlainText String title,
        @Positive(message = "封面无效") Long coverFileId,
        @NotNull(message = "请选择开播时间") @Future(message = "开播时间需晚于现在") Instant startsAt,
        @NotBlank(message = "请填写直播流地址") @Size(max = 500, message = "直播流地址最长 500 个字符") @PlainText
        @Pattern(regexp = STREAM_URL, message = "直播流地址需为 http(s)://、ws(s):// 或 webrtc:// 开头的完整地址")
        String streamUrl,
        @NotNull(message = "请选择本场商品") @Size(max = 30, message = "每场最多 30 件商品")
        List<@NotNull(message = "商品编号不能为空") Long> productIds) {

    /** Scheme, a host (optionally with a port), then any path/query without spaces; no user-info. */
    static final String STREAM_URL = "^(https?|wss?|webrtc)://[A-Za-z0-9.-]+(:[0-9]{1,5})?([/?#][^\\s]*)?$";
}
