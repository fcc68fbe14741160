package io.livehall.fair.meeting;

import io.livehall.common.text.PlainText;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Places added in bulk: {@code count} offline tables named {@code prefix} 1..N (洽谈桌 1, 洽谈桌 2 …), or one online
 * room ({@code kind} ROOM) with its name and meeting link.
 */
record PlacesRequest(
        @NotNull(message = "请选择类型") @Pattern(regexp = "TABLE|ROOM", message = "类型须为 TABLE 或 ROOM") @PlainText String kind,
        @Min(value = 1, message = "至少 1 个") @Max(value = 500, message = "一次最多 500 个") Integer count,
        @Size(min = 1, max = 30, message = "名称 1-30 字") @PlainText String name,
        @Size(max = 500, message = "链接最多 500 个字符") @Pattern(regexp = "https?://\\S+", message = "链接须以 http:// 或 https:// 开头")
        @PlainText String link) {
}
