package io.livehall.fair.matching;

/** A listing's counterpart at a fair with the score (one row of {@code fair_match}). */
record MatchRow(long fairId, MatchEntry self, MatchEntry other, MatchScore score) {

    /** Ranking: the higher score first, then the lower counterpart id (deterministic). */
    static int compare(MatchRow a, MatchRow b) {
        int byScore = Integer.compare(b.score.total(), a.score.total());
        return byScore != 0 ? byScore : Long.compare(a.other.listingId(), b.other.listingId());
    }
}
