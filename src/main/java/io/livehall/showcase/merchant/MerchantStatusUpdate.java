package io.livehall.showcase.merchant;

import jakarta.validation.constraints.NotNull;

/** Suspends (SUSPENDED) or reactivates (ACTIVE) a merchant. */
record MerchantStatusUpdate(@NotNull(message = "请选择商家状态") MerchantStatus status) {
}
