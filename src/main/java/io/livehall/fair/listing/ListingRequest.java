package io.livehall.fair.listing;

import java.time.Instant;
import java.util.List;

import io.livehall.common.text.PlainText;
import io.livehall.fair.ListingSide;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * A listing as an enterprise's member creates or edits it. {@code category}: a division or group of the industry
 * taxonomy; amounts in fen (at most 10 万亿元, as the database allows); {@code fileIds}: uploaded images or documents,
 * in order. The rules Bean Validation cannot tell (known category, min ≤ max, a future validity within a year, files
 * the caller uploaded) are checked by {@link ListingService}.
 */
record ListingRequest(
        @NotNull(message = "请选择供给或需求") ListingSide side,
        @NotBlank(message = "请填写标题") @Size(max = 100, message = "标题最多 100 字") @PlainText String title,
        @Size(max = 2000, message = "描述最多 2000 字") @PlainText(multiline = true) String description,
        @NotBlank(message = "请选择行业分类") @Size(max = 5, message = "行业分类无效") @PlainText String category,
        @Size(max = 10, message = "关键词最多 10 个")
        List<@NotBlank(message = "关键词不能为空") @Size(max = 20, message = "每个关键词最多 20 字") @PlainText String> keywords,
        @NotBlank(message = "请填写地区") @Size(max = 60, message = "地区最多 60 字") @PlainText String region,
        @Size(max = 40, message = "数量最多 40 字") @PlainText String quantity,
        @PositiveOrZero(message = "金额不能为负数") @Max(value = MAX_FEN, message = "金额超出允许范围") Long amountMinFen,
        @PositiveOrZero(message = "金额不能为负数") @Max(value = MAX_FEN, message = "金额超出允许范围") Long amountMaxFen,
        @NotNull(message = "请填写有效期") Instant validUntil,
        @Size(max = 10, message = "附件最多 10 个") List<@NotNull(message = "附件编号不能为空") @Positive(message = "附件无效") Long> fileIds) {

    /** 10 万亿元 in fen, the bound of the database's CHECK. */
    static final long MAX_FEN = 1_000_000_000_000_000L;

    String descriptionOrEmpty() {
        return description == null ? "" : description.strip();
    }

    /** The keywords stripped, each once, in order. */
    List<String> keywordList() {
        return keywords == null ? List.of() : keywords.stream().map(String::strip).distinct().toList();
    }

    /** The quantity stripped; null when blank. */
    String quantityOrNull() {
        return quantity == null || quantity.isBlank() ? null : quantity.strip();
    }

    List<Long> files() {
        return fileIds == null ? List.of() : fileIds;
    }
}
