package io.livehall.identity;

import io.livehall.common.text.PlainText;
import jakarta.validation.constraints.NotBlank;

/** An individual account asks to join the registered enterprise with this credit code. */
record JoinRequestCreate(
        @NotBlank(message = "请填写统一社会信用代码") @ValidCreditCode @PlainText
        String creditCode) {
}
