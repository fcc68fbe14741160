package io.livehall.fair.matching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

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

    private final IndustryTaxonomy taxonomy;

    MatchScorer(IndustryTaxonomy taxonomy) {
        this.taxonomy = taxonomy;
    }

    MatchScore score(MatchEntry a, MatchEntry b) {
        MatchEntry supply = a.side() == ListingSide.SUPPLY ? a : b;
        MatchEntry demand = supply == a ? b : a;

        IndustryTaxonomy.Closeness closeness = taxonomy.closeness(a.category(), b.category());
        int category = switch (closeness.depth()) {
            case 3 -> MatchWeights.SAME_GROUP;
            case 2 -> MatchWeights.SAME_DIVISION;
            case 1 -> MatchWeights.SAME_SECTION;
            default -> 0;
        };
        String sharedCategory = closeness.shared() == null ? null : closeness.shared().code();

        List<String> shared = shared(a.terms(), b.terms());
        int keywords = Math.min(MatchWeights.KEYWORDS_MAX, shared.size() * MatchWeights.PER_KEYWORD);
        shared.sort(TERM_ORDER);
        List<String> shown = List.copyOf(shared.subList(0, Math.min(MatchWeights.TERMS_SHOWN, shared.size())));

        int region = 0;
        String place = null;
        if (a.place().city() != null && Objects.equals(a.place().city(), b.place().city())
                && (a.place().province() == null || b.place().province() == null
                || a.place().province().equals(b.place().province()))) {
            region = MatchWeights.SAME_CITY;
            place = a.place().city();
        } else if (a.place().province() != null && a.place().province().equals(b.place().province())) {
            region = MatchWeights.SAME_PROVINCE;
            place = a.place().province();
        }

        MatchScore.Complement complement = null;
        int complementPoints = 0;
        if (supply.size() != EnterpriseSize.LARGE && demand.size() == EnterpriseSize.LARGE) {
            complement = MatchScore.Complement.SME_TO_LARGE;
            complementPoints = MatchWeights.SME_TO_LARGE;
        } else if (supply.tier().compareTo(SpecialisationTier.SPECIALISED) >= 0) {
            complement = MatchScore.Complement.SPECIALISED;
            complementPoints = MatchWeights.SPECIALISED;
        }

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
