package io.livehall.fair.screening;

import java.util.List;

import io.livehall.common.text.PlainText;
import io.livehall.fair.ParticipantRole;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * An enterprise's registration (摸底 questionnaire): its role, what it offers and needs, an amount range in fen
 * (budget, or funds sought), certifications, who to call; {@code invitation} the token of an invitation link (needed
 * for a closed-door fair); {@code answer} what it says to the organisers' request for more information.
 */
record RegistrationRequest(
        @NotNull(message = "请选择参会身份") ParticipantRole role,
        @Size(max = 1000, message = "可提供的产品或服务最多 1000 字") @PlainText(multiline = true) String offers,
        @Size(max = 1000, message = "需求最多 1000 字") @PlainText(multiline = true) String needs,
        @PositiveOrZero(message = "金额不能为负") @Max(value = MAX_FEN, message = "金额过大") Long amountMinFen,
        @PositiveOrZero(message = "金额不能为负") @Max(value = MAX_FEN, message = "金额过大") Long amountMaxFen,
        @Size(max = 10, message = "资质认证最多 10 项")
        List<@NotBlank(message = "资质认证不能为空") @Size(max = 40, message = "每项资质认证最多 40 字") @PlainText String> certifications,
        @NotBlank(message = "请填写联系人") @Size(max = 40, message = "联系人最多 40 字") @PlainText String contactName,
        @NotBlank(message = "请填写联系电话")
        @Pattern(regexp = "^1[3-9][0-9]{9}$", message = "请填写 11 位手机号") @PlainText String contactPhone,
        @Size(max = 64, message = "邀请链接无效") @PlainText String invitation,
        @Size(max = 500, message = "补充说明最多 500 字") @PlainText(multiline = true) String answer) {

    /** The largest amount a questionnaire holds: 100 亿元 in fen (V24 allows more; no fair needs it). */
    static final long MAX_FEN = 1_000_000_000_000L;

    String offersOrEmpty() {
        return offers == null ? "" : offers.strip();
    }

    String needsOrEmpty() {
        return needs == null ? "" : needs.strip();
    }

    List<String> certificationsOrEmpty() {
        return certifications == null ? List.of() : certifications.stream().map(String::strip).distinct().toList();
    }
}
