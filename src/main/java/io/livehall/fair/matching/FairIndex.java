package io.livehall.fair.matching;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.livehall.fair.ListingSide;

/**
 * A fair's matching in memory: its entries, indexed the way candidates are found (term → entries and division →
 * entries, per side), and its stored lists (each listing's top-N counterparts with their totals, as in fair_match),
 * indexed by counterpart. Built for a full computation and kept between jobs ({@link FairIndexes}), where a changed
 * listing's entry replaces its old one ({@link #put}) or leaves ({@link #remove}) — a replaced entry leaves a hole
 * behind that lookups skip — and the lists a job rewrote replace theirs ({@link #list(long, List)}). Memory grows with
 * the fair's listings, their terms (each distinct term held once) and N counterparts each. Not thread-safe: one job
 * uses it at a time.
 */
final class FairIndex {

    private final long fairId;
    /** position → entry; null where an entry was replaced or removed */
    private final List<MatchEntry> entries = new ArrayList<>();
    private final Map<Long, Integer> positions = new HashMap<>();
    private final Map<ListingSide, Map<String, List<Integer>>> byTerm = new EnumMap<>(ListingSide.class);
    private final Map<ListingSide, Map<String, List<Integer>>> byDivision = new EnumMap<>(ListingSide.class);
    /** each distinct term once, shared by the entries that have it */
    private final Map<String, String> terms = new HashMap<>();
    /** listing id → its stored list, best first */
    private final Map<Long, List<MatchWriteRepository.Ranked>> lists = new HashMap<>();
    /** counterpart id → the listings whose stored lists hold it */
    private final Map<Long, Set<Long>> heldBy = new HashMap<>();

    FairIndex(long fairId, List<MatchEntry> entries) {
        this.fairId = fairId;
        for (ListingSide side : ListingSide.values()) {
            byTerm.put(side, new HashMap<>());
            byDivision.put(side, new HashMap<>());
        }
        entries.forEach(this::add);
    }

    /** The entries taking part. */
    int size() {
        return positions.size();
    }

    /** Holes left by replaced or removed entries. */
    int holes() {
        return entries.size() - positions.size();
    }

    /** The listing's entry, or null when it does not take part (or its validity ended before {@code now}). */
    MatchEntry entry(long listingId, Instant now) {
        Integer at = positions.get(listingId);
        MatchEntry entry = at == null ? null : entries.get(at);
        return entry != null && valid(entry, now) ? entry : null;
    }

    /** The listing's entry as kept, however old its validity. */
    MatchEntry kept(long listingId) {
        Integer at = positions.get(listingId);
        return at == null ? null : entries.get(at);
    }

    /** Puts the listing's entry in place of the one kept (if any). */
    void put(MatchEntry entry) {
        remove(entry.listingId());
        add(entry);
    }

    /** The listing no longer takes part. */
    void remove(long listingId) {
        Integer at = positions.remove(listingId);
        if (at != null) {
            entries.set(at, null);
        }
    }

    /** The entries that could match {@code self}: the other side, valid at {@code now}, sharing a term or a division. */
    List<MatchEntry> candidates(MatchEntry self, Instant now) {
        List<MatchEntry> candidates = new ArrayList<>();
        collect(self, new boolean[entries.size()], new ArrayList<>(), candidates, now);
        return candidates;
    }

    /** The rows of the entries at positions {@code from} (inclusive) to {@code to} (exclusive), each its top-N. */
    List<MatchRow> rows(int from, int to, MatchScorer scorer, Instant now) {
        List<MatchRow> rows = new ArrayList<>();
        boolean[] seen = new boolean[entries.size()];
        List<Integer> touched = new ArrayList<>();
        List<MatchEntry> candidates = new ArrayList<>();
        for (int i = from; i < Math.min(to, entries.size()); i++) {
            MatchEntry self = entries.get(i);
            if (self == null || !valid(self, now)) {
                continue;
            }
            collect(self, seen, touched, candidates, now);
            for (int t : touched) {
                seen[t] = false;
            }
            touched.clear();
            rows.addAll(MatchRanking.top(fairId, self, candidates, scorer));
            candidates.clear();
        }
        return rows;
    }

    /** The listing's stored list, best first (empty if it has none). */
    List<MatchWriteRepository.Ranked> list(long listingId) {
        return lists.getOrDefault(listingId, List.of());
    }

    /** Replaces the listing's stored list (best first; empty: it has none). */
    void list(long listingId, List<MatchWriteRepository.Ranked> ranked) {
        List<MatchWriteRepository.Ranked> old = lists.remove(listingId);
        if (old != null) {
            for (MatchWriteRepository.Ranked r : old) {
                Set<Long> holders = heldBy.get(r.counterpartId());
                holders.remove(listingId);
                if (holders.isEmpty()) {
                    heldBy.remove(r.counterpartId());
                }
            }
        }
        if (!ranked.isEmpty()) {
            lists.put(listingId, List.copyOf(ranked));
            for (MatchWriteRepository.Ranked r : ranked) {
                heldBy.computeIfAbsent(r.counterpartId(), c -> new HashSet<>(4)).add(listingId);
            }
        }
    }

    /** Keeps computed rows (by listing, each listing's best first) as the lists of their listings; the rows. */
    List<MatchRow> keep(List<MatchRow> rows) {
        int from = 0;
        for (int i = 1; i <= rows.size(); i++) {
            if (i == rows.size() || rows.get(i).self() != rows.get(from).self()) {
                list(rows.get(from).self().listingId(), MatchRow.ranked(rows.subList(from, i)));
                from = i;
            }
        }
        return rows;
    }

    /** Puts stored rows (listing, counterpart, total; by listing, best first) in as the lists of their listings. */
    void fill(List<long[]> rows) {
        int from = 0;
        for (int i = 1; i <= rows.size(); i++) {
            if (i == rows.size() || rows.get(i)[0] != rows.get(from)[0]) {
                List<MatchWriteRepository.Ranked> ranked = new ArrayList<>(i - from);
                for (long[] row : rows.subList(from, i)) {
                    ranked.add(new MatchWriteRepository.Ranked(row[1], (int) row[2]));
                }
                list(rows.get(from)[0], ranked);
                from = i;
            }
        }
    }

    /** The listings whose stored lists hold {@code counterpartId}. */
    Set<Long> heldBy(long counterpartId) {
        return Set.copyOf(heldBy.getOrDefault(counterpartId, Set.of()));
    }

    /** Positions to hand to {@link #rows}: every entry lies below it. */
    int end() {
        return entries.size();
    }

    private void add(MatchEntry entry) {
        int at = entries.size();
        String[] own = entry.terms();
        for (int i = 0; i < own.length; i++) {
            own[i] = terms.computeIfAbsent(own[i], t -> t);
            byTerm.get(entry.side()).computeIfAbsent(own[i], t -> new ArrayList<>()).add(at);
        }
        if (entry.division() != null) {
            byDivision.get(entry.side()).computeIfAbsent(entry.division(), d -> new ArrayList<>()).add(at);
        }
        entries.add(entry);
        positions.put(entry.listingId(), at);
    }

    private void collect(MatchEntry self, boolean[] seen, List<Integer> touched, List<MatchEntry> into, Instant now) {
        ListingSide other = self.side().counterpart();
        if (self.division() != null) {
            collect(byDivision.get(other).get(self.division()), self, seen, touched, into, now);
        }
        for (String term : self.terms()) {
            collect(byTerm.get(other).get(term), self, seen, touched, into, now);
        }
    }

    private void collect(List<Integer> posting, MatchEntry self, boolean[] seen, List<Integer> touched,
                         List<MatchEntry> into, Instant now) {
        if (posting == null) {
            return;
        }
        for (int j : posting) {
            if (!seen[j]) {
                seen[j] = true;
                touched.add(j);
                MatchEntry other = entries.get(j);
                if (other != null && other.enterpriseId() != self.enterpriseId() && valid(other, now)) {
                    into.add(other);
                }
            }
        }
    }

    private static boolean valid(MatchEntry entry, Instant now) {
        return entry.validUntil() == null || entry.validUntil().isAfter(now);
    }
}
