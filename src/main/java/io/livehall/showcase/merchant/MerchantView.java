package io.livehall.showcase.merchant;

import java.time.Instant;

import io.livehall.identity.Enterprise;

/**
 * A merchant as organisers list it: {@code agreementsAccepted} tells whether it accepted the newest entry
 * agreement and quality commitment; {@code trading} is that and ACTIVE (it may list products and go live);
 * {@code liveAllowance} is how many of its sessions may be live at the same time.
 */
record MerchantView(long id, String displayName, MerchantStatus status, Enterprise enterprise, long applicationId,
                    boolean agreementsAccepted, boolean trading, int liveAllowance, Instant createdAt, Instant updatedAt) {
}
