package io.livehall.fair.matching;

import java.util.ArrayList;
import java.util.List;

/** The pure rules of ranking: a listing's top-N, and how one changed counterpart alters a stored top-N. */
final class MatchRanking {

    /** What a change of one counterpart does to a stored list. */
    enum Effect { UNCHANGED, PATCH, RECOMPUTE }

    private MatchRanking() {
    }

    /** The best {@link MatchWeights#TOP_N} counterparts scoring at least the threshold, best first. */
    static List<MatchRow> top(long fairId, MatchEntry self, Iterable<MatchEntry> candidates, MatchScorer scorer) {
        List<MatchRow> rows = new ArrayList<>();
        for (MatchEntry other : candidates) {
            if (other.side() == self.side() || other.enterpriseId() == self.enterpriseId()) {
                continue;
            }
            MatchScore score = scorer.score(self, other);
            if (score.total() >= MatchWeights.THRESHOLD) {
                rows.add(new MatchRow(fairId, self, other, score));
            }
        }
        rows.sort(MatchRow::compare);
        return rows.size() > MatchWeights.TOP_N ? List.copyOf(rows.subList(0, MatchWeights.TOP_N)) : rows;
    }

    /**
     * How a stored top-N list (best first) changes when one counterpart's score becomes {@code newScore} (null: below
     * the threshold or gone). The stored list is the top-N of all scores, so every unstored counterpart ranks below
     * its last entry: when the changed one falls out of a full list, its successor is unknown (RECOMPUTE).
     */
    static Effect effect(List<MatchingRepository.Ranked> stored, long counterpartId, Integer newScore) {
        MatchingRepository.Ranked old = null;
        for (MatchingRepository.Ranked r : stored) {
            if (r.counterpartId() == counterpartId) {
                old = r;
            }
        }
        if (old == null) {
            if (newScore == null) {
                return Effect.UNCHANGED;
            }
            if (stored.size() < MatchWeights.TOP_N) {
                return Effect.PATCH;
            }
            return ranksAbove(newScore, counterpartId, stored.get(stored.size() - 1)) ? Effect.PATCH : Effect.UNCHANGED;
        }
        if (newScore != null && newScore == old.score()) {
            return Effect.PATCH; // same rank, but its parts may differ
        }
        if (stored.size() < MatchWeights.TOP_N) {
            return Effect.PATCH;
        }
        if (newScore == null) {
            return Effect.RECOMPUTE;
        }
        MatchingRepository.Ranked last = stored.get(stored.size() - 1);
        boolean keepsAboveUnknown = last.counterpartId() == counterpartId ? newScore >= old.score()
                : ranksAbove(newScore, counterpartId, last) || newScore >= old.score();
        return keepsAboveUnknown ? Effect.PATCH : Effect.RECOMPUTE;
    }

    private static boolean ranksAbove(int score, long id, MatchingRepository.Ranked other) {
        return score > other.score() || (score == other.score() && id < other.counterpartId());
    }
}
