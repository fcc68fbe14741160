package io.livehall.training.course;

import io.livehall.common.text.PlainText;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A topic of the library as an organiser creates or renames it; {@code position} orders the chips (small first). */
record TopicRequest(
        @NotBlank(message = "请填写专题名称") @Size(max = 20, message = "专题名称最多 20 字") @PlainText String name,
        @NotNull(message = "请填写排序") @Min(value = 0, message = "排序需在 0–999 之间")
        @Max(value = 999, message = "排序需在 0–999 之间") Integer position) {
}
