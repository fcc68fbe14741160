package io.livehall.fair.matching;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.livehall.fair.ListingSide;

/**
 * A fair's listings in memory for a full computation, with the same index the incremental path reads from
 * PostgreSQL: term → listings and division → listings, per side. Memory grows with the fair's listings (terms
 * included), not with the pairs; the rows come out a slice of listings at a time.
 */
final class FairIndex {

    private final long fairId;
    private final List<MatchEntry> entries;
    private final Map<ListingSide, Map<String, List<Integer>>> byTerm = new HashMap<>();
    private final Map<ListingSide, Map<String, List<Integer>>> byDivision = new HashMap<>();

    FairIndex(long fairId, List<MatchEntry> entries) {
        this.fairId = fairId;
        this.entries = entries;
        for (ListingSide side : ListingSide.values()) {
            byTerm.put(side, new HashMap<>());
            byDivision.put(side, new HashMap<>());
        }
        for (int i = 0; i < entries.size(); i++) {
            MatchEntry e = entries.get(i);
            for (String term : e.terms()) {
                byTerm.get(e.side()).computeIfAbsent(term, t -> new ArrayList<>()).add(i);
            }
            byDivision.get(e.side()).computeIfAbsent(e.division(), d -> new ArrayList<>()).add(i);
        }
    }

    int size() {
        return entries.size();
    }

    /** The rows of the listings {@code from} (inclusive) to {@code to} (exclusive), each its top-N. */
    List<MatchRow> rows(int from, int to, MatchScorer scorer) {
        List<MatchRow> rows = new ArrayList<>();
        boolean[] seen = new boolean[entries.size()];
        List<Integer> touched = new ArrayList<>();
        for (int i = from; i < Math.min(to, entries.size()); i++) {
            MatchEntry self = entries.get(i);
            ListingSide other = self.side().counterpart();
            List<MatchEntry> candidates = new ArrayList<>();
            collect(byDivision.get(other).get(self.division()), seen, touched, candidates);
            for (String term : self.terms()) {
                collect(byTerm.get(other).get(term), seen, touched, candidates);
            }
            for (int t : touched) {
                seen[t] = false;
            }
            touched.clear();
            rows.addAll(MatchRanking.top(fairId, self, candidates, scorer));
        }
        return rows;
    }

    private void collect(List<Integer> posting, boolean[] seen, List<Integer> touched, List<MatchEntry> into) {
        if (posting == null) {
            return;
        }
        for (int j : posting) {
            if (!seen[j]) {
                seen[j] = true;
                touched.add(j);
                into.add(entries.get(j));
            }
        }
    }
}
