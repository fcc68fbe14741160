package io.livehall.fair.screening;

import io.livehall.common.text.PlainText;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** An invitation link: whom it is for (a note the organisers read) and how many enterprises may use it (default 1). */
record InvitationRequest(
        @NotBlank(message = "请填写邀请对象") @Size(max = 100, message = "邀请对象最多 100 字") @PlainText String note,
        @Min(value = 1, message = "可用次数至少 1 次") @Max(value = 10000, message = "可用次数最多 10000 次") Integer maxUses) {

    int uses() {
        return maxUses == null ? 1 : maxUses;
    }
}
