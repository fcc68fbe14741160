package io.livehall.showcase.merchant;

/**
 * The merchant a user acts for (the merchant of the user's enterprise), as other showcase features need it.
 * {@code trading} is true when the merchant is active and has accepted the newest entry agreement and
 * quality commitment: only then may it list products or go live.
 */
public record MerchantRef(long id, long enterpriseId, String displayName, boolean active, boolean trading) {
}
