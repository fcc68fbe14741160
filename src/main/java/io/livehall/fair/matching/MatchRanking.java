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
        // the best N by (total desc, id asc), kept sorted in small arrays; full scores only for those N
        int n = MatchWeights.TOP_N;
        int[] totals = new int[n];
        MatchEntry[] best = new MatchEntry[n];
        int size = 0;
        for (MatchEntry other : candidates) {
            if (other.side() == self.side() || other.enterpriseId() == self.enterpriseId()) {
                continue;
            }
            int total = scorer.total(self, other);
            if (total < MatchWeights.THRESHOLD
                    || (size == n && !above(total, other.listingId(), totals[n - 1], best[n - 1].listingId()))) {
                continue;
            }
            int at = size == n ? n - 1 : size++;
            while (at > 0 && above(total, other.listingId(), totals[at - 1], best[at - 1].listingId())) {
                totals[at] = totals[at - 1];
                best[at] = best[at - 1];
                at--;
            }
            totals[at] = total;
            best[at] = other;
        }
        List<MatchRow> rows = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            rows.add(new MatchRow(fairId, self, best[i], scorer.score(self, best[i])));
        }
        return rows;
    }

    private static boolean above(int total, long id, int otherTotal, long otherId) {
        return total > otherTotal || (total == otherTotal && id < otherId);
    }

    /**
     * How a stored top-N list (best first) changes when one counterpart's score becomes {@code newScore} (null: below
     * the threshold or gone). The stored list is the top-N of all scores, so every unstored counterpart ranks below
     * its last entry: when the changed one falls out of a full list, its successor is unknown (RECOMPUTE).
     */
    static Effect effect(List<MatchWriteRepository.Ranked> stored, long counterpartId, Integer newScore) {
        Integer old = null;
        for (MatchWriteRepository.Ranked r : stored) {
            if (r.counterpartId() == counterpartId) {
                old = r.score();
            }
        }
        return effect(new MatchWriteRepository.Stored(stored.size(), stored.isEmpty() ? null : stored.get(stored.size() - 1),
                old), counterpartId, newScore);
    }

    /** The same from a list's summary: its size, its last entry and the changed counterpart's stored score. */
    static Effect effect(MatchWriteRepository.Stored stored, long counterpartId, Integer newScore) {
        Integer old = stored.oldScore();
        if (old == null) {
            if (newScore == null) {
                return Effect.UNCHANGED;
            }
            if (stored.size() < MatchWeights.TOP_N) {
                return Effect.PATCH;
            }
            return ranksAbove(newScore, counterpartId, stored.last()) ? Effect.PATCH : Effect.UNCHANGED;
        }
        if (newScore != null && newScore.intValue() == old) {
            return Effect.PATCH; // same rank, but its parts may differ
        }
        if (stored.size() < MatchWeights.TOP_N) {
            return Effect.PATCH;
        }
        if (newScore == null) {
            return Effect.RECOMPUTE;
        }
        MatchWriteRepository.Ranked last = stored.last();
        boolean keepsAboveUnknown = last.counterpartId() == counterpartId ? newScore >= old
                : ranksAbove(newScore, counterpartId, last) || newScore >= old;
        return keepsAboveUnknown ? Effect.PATCH : Effect.RECOMPUTE;
    }

    /**
     * A stored list (best first) after one counterpart's score became {@code newScore} (null: gone), cut to
     * {@link MatchWeights#TOP_N}: what a PATCH writes.
     */
    static List<MatchWriteRepository.Ranked> patched(List<MatchWriteRepository.Ranked> stored, long counterpartId,
                                                     Integer newScore) {
        List<MatchWriteRepository.Ranked> next = new ArrayList<>(stored.size() + 1);
        for (MatchWriteRepository.Ranked r : stored) {
            if (r.counterpartId() != counterpartId) {
                next.add(r);
            }
        }
        if (newScore != null) {
            next.add(new MatchWriteRepository.Ranked(counterpartId, newScore));
        }
        next.sort((a, b) -> above(a.score(), a.counterpartId(), b.score(), b.counterpartId()) ? -1
                : above(b.score(), b.counterpartId(), a.score(), a.counterpartId()) ? 1 : 0);
        return next.size() > MatchWeights.TOP_N ? List.copyOf(next.subList(0, MatchWeights.TOP_N)) : next;
    }

    private static boolean ranksAbove(int score, long id, MatchWriteRepository.Ranked other) {
        return score > other.score() || (score == other.score() && id < other.counterpartId());
    }
}
