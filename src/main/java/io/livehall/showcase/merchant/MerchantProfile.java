package io.livehall.showcase.merchant;

import java.time.Instant;
import java.util.List;

/**
 * What a merchant user sees of its merchant: its status, each current agreement and whether it is accepted,
 * and whether it may trade (ACTIVE and every current agreement accepted).
 */
record MerchantProfile(long id, String displayName, MerchantStatus status, long enterpriseId, boolean trading,
                       List<AgreementState> agreements, Instant createdAt) {

    /** A current agreement; {@code acceptedAt}/{@code acceptedBy} are null while it is pending. */
    record AgreementState(AgreementView agreement, boolean accepted, Instant acceptedAt, String acceptedBy) {
    }
}
