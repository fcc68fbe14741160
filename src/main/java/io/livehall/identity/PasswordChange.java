package io.livehall.identity;

import jakarta.validation.constraints.NotBlank;

/** Change of password: the current one proves it is the owner, the new one follows {@link Passwords}. */
record PasswordChange(
        @NotBlank(message = "请填写当前密码")
        String currentPassword,
        @NotBlank(message = "请填写新密码")
        @ValidPassword
        String newPassword) {
}
