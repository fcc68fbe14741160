package io.livehall.fair.screening;

import java.time.Instant;
import java.util.List;

import io.livehall.common.text.PlainText;
import io.livehall.fair.FairKind;
import io.livehall.fair.FairMode;
import io.livehall.fair.FairVisibility;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * A fair as its organiser creates or edits it: kind, mode (a venue unless online), visibility (closed-door: invite
 * only), period, region, capacity (how many enterprises may be approved), summary, cover (an uploaded image), agenda.
 */
record FairRequest(
        @NotBlank(message = "请填写对接会名称") @Size(max = 100, message = "名称最多 100 字") @PlainText String title,
        @NotNull(message = "请选择对接会类型") FairKind kind,
        @NotNull(message = "请选择举办方式") FairMode mode,
        @NotNull(message = "请选择公开或闭门") FairVisibility visibility,
        @NotNull(message = "请选择开始时间") Instant startsAt,
        @NotNull(message = "请选择结束时间") Instant endsAt,
        @NotBlank(message = "请填写地区") @Size(max = 60, message = "地区最多 60 字") @PlainText String region,
        @Size(max = 200, message = "会场最多 200 字") @PlainText String venue,
        @Size(max = 4000, message = "简介最多 4000 字") @PlainText(multiline = true) String summary,
        @NotNull(message = "请填写名额") @Min(value = 1, message = "名额至少 1 家") @Max(value = 100000, message = "名额最多 100000 家")
        Integer capacity,
        @Positive(message = "封面无效") Long coverFileId,
        @Size(max = 50, message = "议程最多 50 项") List<@NotNull(message = "议程项不能为空") @Valid AgendaItemRequest> agenda) {

    /** One item of the programme; its times lie within the fair's period. */
    record AgendaItemRequest(
            @NotNull(message = "请选择议程开始时间") Instant startsAt,
            Instant endsAt,
            @NotBlank(message = "请填写议程标题") @Size(max = 100, message = "议程标题最多 100 字") @PlainText String title,
            @Size(max = 100, message = "地点最多 100 字") @PlainText String place,
            @Size(max = 100, message = "嘉宾最多 100 字") @PlainText String speaker) {
    }

    List<AgendaItemRequest> agendaOrEmpty() {
        return agenda == null ? List.of() : agenda;
    }

    String venueOrNull() {
        return blankToNull(venue);
    }

    String summaryOrEmpty() {
        return summary == null ? "" : summary.strip();
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
