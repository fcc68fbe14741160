package io.livehall.fair.meeting;

import io.livehall.common.text.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** The request bodies of the roadshow room. */
final class RoadshowRequests {

    /** An investor's question to a project (the one pitching now when {@code projectId} is absent). */
    record Ask(@Positive(message = "请选择提问的项目") Long projectId,
               @NotBlank(message = "请填写问题") @Size(max = 300, message = "问题最多 300 字") @PlainText(multiline = true)
               String text) {
    }

    /** The roadshow's stream: an http(s) URL or a path of this site (empty: none). */
    record Stream(@Size(max = 500, message = "直播地址最多 500 个字符")
                  @Pattern(regexp = "(https?://|/)\\S+", message = "直播地址须以 http(s):// 或 / 开头") @PlainText String streamUrl) {
    }

    /** The project to pitch now (absent: none). */
    record Current(@Positive(message = "请选择项目") Long projectId) {
    }

    private RoadshowRequests() {
    }
}
