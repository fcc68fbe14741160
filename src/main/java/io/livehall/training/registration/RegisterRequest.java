package io.livehall.training.registration;

import io.livehall.common.text.PlainText;
import jakarta.validation.constraints.Size;

/** The registration form: only the fields the series asks for are kept; which are required is the series' setting. */
record RegisterRequest(
        @Size(max = 100, message = "单位名称最多 100 字") @PlainText String company,
        @Size(max = 50, message = "职务最多 50 字") @PlainText String jobTitle,
        @Size(max = 20, message = "请填写 11 位手机号") @PlainText String phone) {

    static final RegisterRequest EMPTY = new RegisterRequest(null, null, null);
}
