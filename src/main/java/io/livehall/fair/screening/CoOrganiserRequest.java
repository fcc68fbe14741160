package io.livehall.fair.screening;

import io.livehall.common.text.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A further organiser of a fair, by username (an account with role ORGANISER). */
record CoOrganiserRequest(
        @NotBlank(message = "请填写用户名") @Size(max = 32, message = "用户名最多 32 个字符") @PlainText String username) {
}
