package io.livehall.fair.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.livehall.fair.IndustryTaxonomy;
import io.livehall.fair.ListingSide;
import io.livehall.identity.EnterpriseSize;
import io.livehall.identity.SpecialisationTier;
import org.junit.jupiter.api.Test;

/** Each part of a match score on known inputs, the total, and the explanation people see. */
class MatchScorerTest {

    static IndustryTaxonomy taxonomy() {
        try {
            var constructor = IndustryTaxonomy.class.getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    final MatchScorer scorer = new MatchScorer(taxonomy());

    static MatchEntry entry(long id, ListingSide side, String category, String region, EnterpriseSize size,
                            SpecialisationTier tier, Long min, Long max, String... terms) {
        String[] sorted = terms.clone();
        java.util.Arrays.sort(sorted);
        return new MatchEntry(id, id * 10, id * 100, side, category, Place.of(region), size, tier, min, max, sorted,
                java.time.Instant.MAX);
    }

    static MatchEntry supply(long id, String category, String region, String... terms) {
        return entry(id, ListingSide.SUPPLY, category, region, EnterpriseSize.SMALL, SpecialisationTier.NONE, null, null,
                terms);
    }

    static MatchEntry demand(long id, String category, String region, String... terms) {
        return entry(id, ListingSide.DEMAND, category, region, EnterpriseSize.SMALL, SpecialisationTier.NONE, null, null,
                terms);
    }

    @Test
    void categoryFitCountsTheDeepestSharedLevel() {
        assertThat(scorer.score(supply(1, "C367", "新疆"), demand(2, "C367", "西藏")).categoryPoints()).isEqualTo(40);
        assertThat(scorer.score(supply(1, "C367", "新疆"), demand(2, "C36", "西藏")).categoryPoints()).isEqualTo(25);
        MatchScore section = scorer.score(supply(1, "C367", "新疆"), demand(2, "C13", "西藏"));
        assertThat(section.categoryPoints()).isEqualTo(5);
        assertThat(section.sharedCategory()).isEqualTo("C");
        assertThat(scorer.score(supply(1, "C367", "新疆"), demand(2, "A01", "西藏")).categoryPoints()).isZero();
    }

    @Test
    void sharedTermsCountEightEachUpToThirtyTwoAndShowLongestFirst() {
        MatchScore two = scorer.score(supply(1, "A01", null, "铝合金", "压铸", "汽车"),
                demand(2, "C13", null, "压铸", "铝合金", "座椅"));
        assertThat(two.keywordPoints()).isEqualTo(16);
        assertThat(two.sharedTerms()).containsExactly("铝合金", "压铸");
        MatchScore many = scorer.score(supply(1, "A01", null, "a1", "b2", "c3", "d4", "e5"),
                demand(2, "C13", null, "a1", "b2", "c3", "d4", "e5"));
        assertThat(many.keywordPoints()).isEqualTo(32);
    }

    @Test
    void sameCityBeatsSameProvince() {
        MatchScore city = scorer.score(supply(1, "A01", "安徽省合肥市蜀山区"), demand(2, "C13", "合肥市"));
        assertThat(city.regionPoints()).isEqualTo(10);
        assertThat(city.sharedPlace()).isEqualTo("合肥");
        MatchScore province = scorer.score(supply(1, "A01", "安徽省合肥市"), demand(2, "C13", "安徽省芜湖市"));
        assertThat(province.regionPoints()).isEqualTo(5);
        assertThat(province.sharedPlace()).isEqualTo("安徽");
        assertThat(scorer.score(supply(1, "A01", "安徽省合肥市"), demand(2, "C13", "江苏省南京市")).regionPoints()).isZero();
        assertThat(scorer.score(supply(1, "A01", "上海市浦东新区"), demand(2, "C13", "上海")).sharedPlace()).isEqualTo("上海");
    }

    @Test
    void smallSuppliersComplementLargeBuyersAndSpecialisedSuppliersCount() {
        MatchEntry sme = entry(1, ListingSide.SUPPLY, "A01", null, EnterpriseSize.SMALL, SpecialisationTier.NONE, null, null);
        MatchEntry large = entry(2, ListingSide.DEMAND, "C13", null, EnterpriseSize.LARGE, SpecialisationTier.NONE, null, null);
        assertThat(scorer.score(large, sme).complement()).isEqualTo(MatchScore.Complement.SME_TO_LARGE);
        assertThat(scorer.score(sme, large).complementPoints()).isEqualTo(8);
        MatchEntry specialised = entry(3, ListingSide.SUPPLY, "A01", null, EnterpriseSize.LARGE,
                SpecialisationTier.LITTLE_GIANT, null, null);
        assertThat(scorer.score(specialised, large).complementPoints()).isEqualTo(5);
        MatchEntry plain = entry(4, ListingSide.SUPPLY, "A01", null, EnterpriseSize.LARGE, SpecialisationTier.INNOVATIVE_SME,
                null, null);
        assertThat(scorer.score(plain, large).complementPoints()).isZero();
    }

    @Test
    void amountRangesMustBothBeKnownAndOverlap() {
        assertThat(MatchScorer.overlap(100L, 500L, 400L, 900L)).isTrue();
        assertThat(MatchScorer.overlap(100L, 500L, 600L, 900L)).isFalse();
        assertThat(MatchScorer.overlap(null, 500L, 500L, null)).isTrue();
        assertThat(MatchScorer.overlap(null, null, 1L, 2L)).isFalse();
        MatchEntry s = entry(1, ListingSide.SUPPLY, "A01", null, EnterpriseSize.SMALL, SpecialisationTier.NONE, 100L, 500L);
        MatchEntry d = entry(2, ListingSide.DEMAND, "C13", null, EnterpriseSize.SMALL, SpecialisationTier.NONE, 300L, null);
        assertThat(scorer.score(s, d).amountPoints()).isEqualTo(10);
    }

    @Test
    void theTotalIsTheSumAndTheExplanationNamesEachPart() {
        MatchEntry s = entry(1, ListingSide.SUPPLY, "C367", "安徽省合肥市", EnterpriseSize.SMALL,
                SpecialisationTier.SPECIALISED, 1_000_000L, 5_000_000L, "铝合金", "压铸", "壳体");
        MatchEntry d = entry(2, ListingSide.DEMAND, "C367", "安徽省合肥市", EnterpriseSize.LARGE,
                SpecialisationTier.NONE, 2_000_000L, 8_000_000L, "铝合金", "压铸", "电机");
        MatchScore score = scorer.score(d, s);
        assertThat(score.total()).isEqualTo(40 + 16 + 10 + 8 + 10);
        assertThat(String.join(" · ", score.parts("汽车零部件及配件制造").stream().map(MatchScore.Part::text).toList()))
                .isEqualTo("同属汽车零部件及配件制造 · 关键词：铝合金、压铸 · 同在合肥 · 中小企业对接大型企业 · 金额区间吻合");
        assertThat(scorer.score(s, d)).isEqualTo(score);
    }

    @Test
    void withoutASharedTermOrDivisionNoPairReachesTheThreshold() {
        assertThat(MatchWeights.WITHOUT_TERM_OR_DIVISION).isLessThan(MatchWeights.THRESHOLD);
        MatchEntry s = entry(1, ListingSide.SUPPLY, "C367", "安徽省合肥市", EnterpriseSize.SMALL,
                SpecialisationTier.SPECIALISED, 1L, 5L, "铝合金");
        MatchEntry d = entry(2, ListingSide.DEMAND, "C13", "安徽省合肥市", EnterpriseSize.LARGE,
                SpecialisationTier.NONE, 1L, 5L, "茶叶");
        assertThat(scorer.score(s, d).total()).isEqualTo(MatchWeights.WITHOUT_TERM_OR_DIVISION);
        assertThat(MatchWeights.SAME_GROUP + MatchWeights.KEYWORDS_MAX + MatchWeights.SAME_CITY
                + Math.max(MatchWeights.SME_TO_LARGE, MatchWeights.SPECIALISED) + MatchWeights.AMOUNT_OVERLAP)
                .isEqualTo(100);
    }

    @Test
    void theTopListIsRankedByScoreThenCounterpartIdAndCutAtN() {
        MatchEntry self = supply(1, "C367", "安徽省合肥市", "压铸");
        List<MatchEntry> candidates = new java.util.ArrayList<>();
        for (long id = 40; id > 20; id--) {
            candidates.add(demand(id, "C367", id % 2 == 0 ? "安徽省合肥市" : "安徽省芜湖市", "压铸"));
        }
        candidates.add(demand(99, "A01", null));
        List<MatchRow> top = MatchRanking.top(7, self, candidates, scorer);
        assertThat(top).hasSize(MatchWeights.TOP_N);
        assertThat(top.stream().map(r -> r.other().listingId()).toList())
                .containsExactly(22L, 24L, 26L, 28L, 30L, 32L, 34L, 36L, 38L, 40L);
        java.util.Collections.reverse(candidates);
        assertThat(MatchRanking.top(7, self, candidates, scorer)).isEqualTo(top);
    }
}
