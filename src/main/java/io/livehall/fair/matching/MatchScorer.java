package io.livehall.fair.matching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import io.livehall.fair.IndustryTaxonomy;
import io.livehall.fair.ListingSide;
import io.livehall.identity.EnterpriseSize;
import io.livehall.identity.SpecialisationTier;
import org.springframework.stereotype.Component;

/** Scores a supply listing against a demand listing (either order), by the weights of {@link MatchWeights}. Pure. */
@Component
class MatchScorer {

    /** Shared terms shown longest first, then in code-point order (deterministic). */
    static final Comparator<String> TERM_ORDER = Comparator.comparingInt(String::length).reversed()
            .thenComparing(Comparator.naturalOrder());

    /** no shared category (either side has none: a questionnaire's entry) */
    private static final IndustryTaxonomy.Closeness NONE = new IndustryTaxonomy.Closeness(0, null);

    private final IndustryTaxonomy taxonomy;
    /** closeness by "a|b": the taxonomy has a few dozen categories, a fair millions of pairs */
    private final Map<String, IndustryTaxonomy.Closeness> closeness = new ConcurrentHashMap<>();

    MatchScorer(IndustryTaxonomy taxonomy) {
        this.taxonomy = taxonomy;
    }

    /** The total alone, allocating nothing per pair: what ranking needs for every candidate. */
    int total(MatchEntry a, MatchEntry b) {
        MatchEntry supply = a.side() == ListingSide.SUPPLY ? a : b;
        MatchEntry demand = supply == a ? b : a;
        int total = categoryPoints(closeness(a.category(), b.category()));
        total += Math.min(MatchWeights.KEYWORDS_MAX, sharedCount(a.terms(), b.terms()) * MatchWeights.PER_KEYWORD);
        total += regionPoints(a.place(), b.place());
        total += complement(supply, demand) == null ? 0 : complement(supply, demand) == MatchScore.Complement.SME_TO_LARGE
                ? MatchWeights.SME_TO_LARGE : MatchWeights.SPECIALISED;
        total += overlap(a.amountMin(), a.amountMax(), b.amountMin(), b.amountMax()) ? MatchWeights.AMOUNT_OVERLAP : 0;
        return total;
    }

    private IndustryTaxonomy.Closeness closeness(String a, String b) {
        if (a == null || b == null) {
            return NONE;
        }
        return closeness.computeIfAbsent(a + "|" + b, key -> taxonomy.closeness(a, b));
    }

    private static int categoryPoints(IndustryTaxonomy.Closeness closeness) {
        return switch (closeness.depth()) {
            case 3 -> MatchWeights.SAME_GROUP;
            case 2 -> MatchWeights.SAME_DIVISION;
            case 1 -> MatchWeights.SAME_SECTION;
            default -> 0;
        };
    }

    private static int regionPoints(Place a, Place b) {
        if (sameCity(a, b)) {
            return MatchWeights.SAME_CITY;
        }
        return a.province() != null && a.province().equals(b.province()) ? MatchWeights.SAME_PROVINCE : 0;
    }

    private static boolean sameCity(Place a, Place b) {
        return a.city() != null && Objects.equals(a.city(), b.city())
                && (a.province() == null || b.province() == null || a.province().equals(b.province()));
    }

    private static MatchScore.Complement complement(MatchEntry supply, MatchEntry demand) {
        if (supply.size() != EnterpriseSize.LARGE && demand.size() == EnterpriseSize.LARGE) {
            return MatchScore.Complement.SME_TO_LARGE;
        }
        return supply.tier().compareTo(SpecialisationTier.SPECIALISED) >= 0 ? MatchScore.Complement.SPECIALISED : null;
    }

    MatchScore score(MatchEntry a, MatchEntry b) {
        MatchEntry supply = a.side() == ListingSide.SUPPLY ? a : b;
        MatchEntry demand = supply == a ? b : a;

        IndustryTaxonomy.Closeness closeness = closeness(a.category(), b.category());
        int category = categoryPoints(closeness);
        String sharedCategory = closeness.shared() == null ? null : closeness.shared().code();

        List<String> shared = shared(a.terms(), b.terms());
        int keywords = Math.min(MatchWeights.KEYWORDS_MAX, shared.size() * MatchWeights.PER_KEYWORD);
        shared.sort(TERM_ORDER);
        List<String> shown = List.copyOf(shared.subList(0, Math.min(MatchWeights.TERMS_SHOWN, shared.size())));

        int region = regionPoints(a.place(), b.place());
        String place = region == MatchWeights.SAME_CITY ? a.place().city()
                : region == MatchWeights.SAME_PROVINCE ? a.place().province() : null;

        MatchScore.Complement complement = complement(supply, demand);
        int complementPoints = complement == null ? 0
                : complement == MatchScore.Complement.SME_TO_LARGE ? MatchWeights.SME_TO_LARGE : MatchWeights.SPECIALISED;

        int amount = overlap(a.amountMin(), a.amountMax(), b.amountMin(), b.amountMax()) ? MatchWeights.AMOUNT_OVERLAP : 0;

        int total = category + keywords + region + complementPoints + amount;
        return new MatchScore(total, category, keywords, region, complementPoints, amount, sharedCategory, shown, place,
                complement);
    }

    /** Both ranges known (at least one bound each) and overlapping; an open bound reaches to 0 or to infinity. */
    static boolean overlap(Long minA, Long maxA, Long minB, Long maxB) {
        if ((minA == null && maxA == null) || (minB == null && maxB == null)) {
            return false;
        }
        long loA = minA == null ? 0 : minA;
        long hiA = maxA == null ? Long.MAX_VALUE : maxA;
        long loB = minB == null ? 0 : minB;
        long hiB = maxB == null ? Long.MAX_VALUE : maxB;
        return loA <= hiB && loB <= hiA;
    }

    /** How many terms both sorted arrays hold. */
    static int sharedCount(String[] a, String[] b) {
        int n = 0;
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            int c = a[i].compareTo(b[j]);
            if (c == 0) {
                n++;
                i++;
                j++;
            } else if (c < 0) {
                i++;
            } else {
                j++;
            }
        }
        return n;
    }

    /** The terms both sorted arrays hold. */
    static List<String> shared(String[] a, String[] b) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            int c = a[i].compareTo(b[j]);
            if (c == 0) {
                out.add(a[i]);
                i++;
                j++;
            } else if (c < 0) {
                i++;
            } else {
                j++;
            }
        }
        return out;
    }
}
