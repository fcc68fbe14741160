package io.livehall.fair.matching;

import java.util.ArrayList;
import java.util.List;

/**
 * A match score and its parts: category fit (the deepest shared category), shared content words, the shared place,
 * size/tier complementarity and amount overlap; {@code total} is their sum.
 */
record MatchScore(int total, int categoryPoints, int keywordPoints, int regionPoints, int complementPoints,
                  int amountPoints, String sharedCategory, List<String> sharedTerms, String sharedPlace,
                  Complement complement) {

    /** Why a pair complements each other. */
    enum Complement {
        SME_TO_LARGE("中小企业对接大型企业"), SPECIALISED("专精特新企业");

        final String label;

        Complement(String label) {
            this.label = label;
        }
    }

    /** One part as shown to people: what kind, its points, and a Chinese text. */
    record Part(String kind, int points, String text) {
    }

    /** The parts worth showing, strongest kind first; {@code categoryName} names {@code sharedCategory}. */
    List<Part> parts(String categoryName) {
        List<Part> parts = new ArrayList<>();
        if (categoryPoints > 0) {
            parts.add(new Part("CATEGORY", categoryPoints, "同属" + (categoryName == null ? sharedCategory : categoryName)));
        }
        if (keywordPoints > 0) {
            parts.add(new Part("KEYWORDS", keywordPoints, "关键词：" + String.join("、", sharedTerms)));
        }
        if (regionPoints > 0) {
            parts.add(new Part("REGION", regionPoints, "同在" + sharedPlace));
        }
        if (complementPoints > 0) {
            parts.add(new Part("COMPLEMENT", complementPoints, complement.label));
        }
        if (amountPoints > 0) {
            parts.add(new Part("AMOUNT", amountPoints, "金额区间吻合"));
        }
        return parts;
    }
}
