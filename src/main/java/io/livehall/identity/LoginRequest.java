package io.livehall.identity;

import io.livehall.common.text.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

record LoginRequest(
        @NotBlank(message = "请填写用户名") @Size(max = 64, message = "用户名过长") @PlainText String username,
        @NotBlank(message = "请填写密码") String password) {
}
