package io.livehall.identity;

import io.livehall.common.text.PlainText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Self-registration: a viewer account, optionally together with the enterprise the person represents. */
record RegisterRequest(
        @NotBlank(message = "请填写用户名")
        @Pattern(regexp = "^[A-Za-z0-9_.-]{3,32}$", message = "用户名需为 3-32 位字母、数字、下划线、点或横线")
        @PlainText
        String username,
        @NotBlank(message = "请填写密码")
        @ValidPassword
        String password,
        @NotBlank(message = "请填写姓名或昵称")
        @Size(max = 40, message = "姓名不能超过 40 个字") @PlainText
        String displayName,
        @Pattern(regexp = "^1[3-9][0-9]{9}$", message = "请填写有效的手机号")
        @PlainText
        String phone,
        @Valid
        EnterpriseRequest enterprise) {
}
