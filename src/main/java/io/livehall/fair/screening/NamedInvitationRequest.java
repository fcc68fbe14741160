package io.livehall.fair.screening;

import io.livehall.common.text.PlainText;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * An invitation made out to one enterprise: a known one ({@code enterpriseId}: one that registered for a fair these
 * organisers run) or a name with a contact (phone or e-mail) the organisers typed; valid {@code validDays} days
 * (default {@link #DEFAULT_DAYS}).
 */
record NamedInvitationRequest(
        @Positive(message = "企业编号无效") Long enterpriseId,
        @Size(max = 100, message = "企业名称最多 100 字") @PlainText String inviteeName,
        @Pattern(regexp = "^1[3-9][0-9]{9}$", message = "请填写 11 位手机号") @PlainText String contactPhone,
        @Size(max = 100, message = "邮箱最多 100 字")
        @Pattern(regexp = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", message = "邮箱格式不正确") @PlainText String contactEmail,
        @Min(value = 1, message = "有效期至少 1 天") @Max(value = 60, message = "有效期最多 60 天") Integer validDays) {

    static final int DEFAULT_DAYS = 14;

    int days() {
        return validDays == null ? DEFAULT_DAYS : validDays;
    }

    String name() {
        return blankToNull(inviteeName);
    }

    String phone() {
        return blankToNull(contactPhone);
    }

    String email() {
        return blankToNull(contactEmail);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
