package io.livehall.fair.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** HanLP segmentation keeps a listing's content words only. */
class TermExtractorTest {

    static final TermExtractor EXTRACTOR = new TermExtractor();

    @Test
    void keepsContentWordsAndKeywordsAndDropsStopWordsPunctuationAndNumbers() {
        String[] terms = EXTRACTOR.terms("供应铝合金压铸件",
                "年产能50万件，可为新能源汽车提供电池壳体和电机壳体，合肥周边优先。", List.of("压铸", "IATF16949"));
        assertThat(terms).contains("铝合金", "压铸件", "压铸", "新能源", "汽车", "电池壳体", "电机壳体", "iatf16949")
                .doesNotContain("供应", "提供", "，", "。", "50", "和", "合肥", "优先", "周边");
        assertThat(terms).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void theSameTextGivesTheSameTerms() {
        String[] a = EXTRACTOR.terms("采购汽车座椅骨架冲压件", "要求IATF16949认证，月需求2万套。", List.of());
        String[] b = EXTRACTOR.terms("采购汽车座椅骨架冲压件", "要求IATF16949认证，月需求2万套。", List.of());
        assertThat(a).containsExactly(b).contains("座椅", "骨架", "冲压件");
    }

    @Test
    void emptyTextHasNoTerms() {
        assertThat(EXTRACTOR.terms("", "", List.of())).isEmpty();
        assertThat(EXTRACTOR.terms("的了吗", null, List.of(" "))).isEmpty();
    }
}
