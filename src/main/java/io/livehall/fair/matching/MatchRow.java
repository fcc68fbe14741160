package io.livehall.fair.matching;

import java.util.ArrayList;
import java.util.List;

/** A listing's counterpart at a fair with the score (one row of {@code fair_match}). */
record MatchRow(long fairId, MatchEntry self, MatchEntry other, MatchScore score) {

    /** Ranking: the higher score first, then the lower counterpart id (deterministic). */
    static int compare(MatchRow a, MatchRow b) {
        int byScore = Integer.compare(b.score.total(), a.score.total());
        return byScore != 0 ? byScore : Long.compare(a.other.listingId(), b.other.listingId());
    }

    /** One listing's rows (best first) as its stored list: counterparts and totals. */
    static List<MatchWriteRepository.Ranked> ranked(List<MatchRow> rows) {
        List<MatchWriteRepository.Ranked> ranked = new ArrayList<>(rows.size());
        for (MatchRow row : rows) {
            ranked.add(new MatchWriteRepository.Ranked(row.other().listingId(), row.score().total()));
        }
        return ranked;
    }
}
