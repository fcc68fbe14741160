package io.livehall.identity;

import io.livehall.common.text.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The personal centre's profile form: display name and (optional, blank clears it) mainland mobile number. */
record ProfileUpdate(
        @NotBlank(message = "请填写姓名或昵称")
        @Size(max = 40, message = "姓名不能超过 40 个字") @PlainText
        String displayName,
        @Pattern(regexp = "^(1[3-9][0-9]{9})?$", message = "请填写有效的手机号（11 位，1 开头）")
        @PlainText
        String phone) {
}
