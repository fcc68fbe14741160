package io.livehall.fair;

import java.time.Instant;
import java.util.List;

import io.livehall.identity.EnterpriseSize;
import io.livehall.identity.SpecialisationTier;

/**
 * An enterprise taking part in a fair, with the enterprise's facts the features need (name, region, industry, size,
 * tier) and its questionnaire: what it offers and needs, an amount range in fen (budget, or funds sought), certifications.
 * {@code userId} is the contact who registered it.
 */
public record Participant(long id, long fairId, long enterpriseId, String enterpriseName, String region,
                          String industry, EnterpriseSize size, SpecialisationTier tier, long userId,
                          ParticipantRole role, ParticipantStatus status, String offers, String needs,
                          Long amountMinFen, Long amountMaxFen, List<String> certifications, boolean invited,
                          String reason, Instant createdAt, Instant updatedAt) {

    public boolean approved() {
        return status == ParticipantStatus.APPROVED;
    }
}
