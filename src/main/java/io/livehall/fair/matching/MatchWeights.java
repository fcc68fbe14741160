package io.livehall.fair.matching;

/**
 * Every weight of a match score, in one place (a score is 0–100, the sum of its parts). A pair is kept when it scores
 * at least {@link #THRESHOLD}; each listing keeps its best {@link #TOP_N} counterparts. The threshold lies above what
 * a pair can score without a shared term or division ({@link #WITHOUT_TERM_OR_DIVISION}), so the index from terms and
 * divisions to listings finds every pair worth keeping (MatchScorerTest holds that).
 */
final class MatchWeights {

    /** the same group (C367), division (C36), section (C) */
    static final int SAME_GROUP = 40;
    static final int SAME_DIVISION = 25;
    static final int SAME_SECTION = 5;
    /** per shared content word, up to {@link #KEYWORDS_MAX} */
    static final int PER_KEYWORD = 8;
    static final int KEYWORDS_MAX = 32;
    static final int SAME_CITY = 10;
    static final int SAME_PROVINCE = 5;
    /** a small or medium supplier (or project) meeting a large buyer (or investor) */
    static final int SME_TO_LARGE = 8;
    /** a 专精特新 supplier or project (专精特新中小企业 and up) */
    static final int SPECIALISED = 5;
    /** the two amount ranges (budget, price, funds) overlap */
    static final int AMOUNT_OVERLAP = 10;

    static final int THRESHOLD = 35;
    static final int TOP_N = 10;
    /** at most this many shared terms are kept to explain a match */
    static final int TERMS_SHOWN = 8;

    static final int WITHOUT_TERM_OR_DIVISION = SAME_SECTION + SAME_CITY + Math.max(SME_TO_LARGE, SPECIALISED)
            + AMOUNT_OVERLAP;

    private MatchWeights() {
    }
}
