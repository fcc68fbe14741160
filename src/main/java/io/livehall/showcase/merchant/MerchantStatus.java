package io.livehall.showcase.merchant;

/** A suspended merchant keeps its data but may not trade. */
enum MerchantStatus {
    ACTIVE, SUSPENDED
}
