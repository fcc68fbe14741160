package io.livehall.training;

import java.util.List;

import io.livehall.common.text.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** A series as the organiser creates or edits it; {@code coverFileId} an uploaded IMAGE, tags such as 专精特新. */
record SeriesRequest(
        @NotBlank(message = "请填写系列名称") @Size(max = 100, message = "系列名称最多 100 字") @PlainText String title,
        @Size(max = 200, message = "面向对象最多 200 字") @PlainText String audience,
        @Size(max = 8, message = "最多 8 个标签")
        List<@NotBlank(message = "标签不能为空") @Size(max = 20, message = "每个标签最多 20 字") @PlainText String> tags,
        @Positive(message = "封面无效") Long coverFileId) {

    String audienceOrEmpty() {
        return audience == null ? "" : audience.strip();
    }

    List<String> tagsOrEmpty() {
        return tags == null ? List.of() : tags.stream().map(String::strip).distinct().toList();
    }
}
