package io.livehall.showcase.order;

import io.livehall.common.text.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Where an order is delivered. */
public record Recipient(
        @NotBlank(message = "请填写收货人") @Size(max = 40, message = "收货人最多 40 个字") @PlainText String name,
        @NotBlank(message = "请填写手机号") @Pattern(regexp = "^1[3-9][0-9]{9}$", message = "请填写有效的手机号") @PlainText String phone,
        @NotBlank(message = "请填写收货地址") @Size(max = 200, message = "收货地址最多 200 个字") @PlainText String address) {
}
