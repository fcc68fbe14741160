package io.livehall.training.course;

import io.livehall.common.text.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** A course as the organiser creates or edits it; {@code coverFileId} an uploaded IMAGE. */
record CourseRequest(
        @NotNull(message = "请选择专题") @Positive(message = "专题无效") Long topicId,
        @NotBlank(message = "请填写课程名称") @Size(max = 100, message = "课程名称最多 100 字") @PlainText String title,
        @Size(max = 2000, message = "课程简介最多 2000 字") @PlainText(multiline = true) String summary,
        @NotBlank(message = "请填写讲师") @Size(max = 50, message = "讲师最多 50 字") @PlainText String lecturer,
        @Positive(message = "封面无效") Long coverFileId) {

    String summaryOrEmpty() {
        return summary == null ? "" : summary.strip();
    }
}
