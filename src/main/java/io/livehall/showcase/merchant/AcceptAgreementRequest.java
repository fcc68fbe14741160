package io.livehall.showcase.merchant;

import io.livehall.common.text.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** Accepting a version: the hash of the text the merchant was shown, so a changed text is never accepted blindly. */
record AcceptAgreementRequest(
        @NotBlank(message = "缺少协议文本摘要")
        @Pattern(regexp = "^[0-9a-fA-F]{64}$", message = "协议文本摘要应为 64 位十六进制 SHA-256")
        @PlainText
        String textSha256) {
}
