package io.livehall.fair.matching;

import java.time.Instant;

import io.livehall.fair.ListingSide;
import io.livehall.identity.EnterpriseSize;
import io.livehall.identity.SpecialisationTier;

/**
 * A listing as it takes part in one fair's matching: its participant and enterprise, category, place, the amount range
 * (the listing's, else its participant's questionnaire), its content words, sorted and distinct, and the end of its
 * validity (an entry kept in a {@link FairIndex} stops taking part then). A questionnaire's entry has no category
 * (null; {@link QuestionnaireEntries}).
 */
record MatchEntry(long listingId, long participantId, long enterpriseId, ListingSide side, String category,
                  Place place, EnterpriseSize size, SpecialisationTier tier, Long amountMin, Long amountMax,
                  String[] terms, Instant validUntil) {

    /** The category's division (C36); null without a category. */
    String division() {
        if (category == null) {
            return null;
        }
        return category.length() >= 3 ? category.substring(0, 3) : category;
    }
}
