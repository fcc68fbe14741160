package io.livehall.showcase.merchant;

import io.livehall.common.text.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A new version of an agreement; its version number and text hash are the server's. */
record PublishAgreementRequest(
        @NotNull(message = "请选择协议类型") AgreementKind kind,
        @NotBlank(message = "请填写标题") @Size(max = 100, message = "标题不能超过 100 个字") @PlainText String title,
        @NotBlank(message = "请填写正文") @Size(max = 20000, message = "正文不能超过 20000 个字") @PlainText(multiline = true) String body) {
}
