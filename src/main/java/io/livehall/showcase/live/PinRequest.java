package io.livehall.showcase.live;

import jakarta.validation.constraints.NotNull;

/** The lineup product to pin as "now explaining". */
record PinRequest(@NotNull(message = "请选择要讲解的商品") Long productId) {
}
