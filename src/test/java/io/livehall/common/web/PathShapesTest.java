package io.livehall.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PathShapesTest {

    private static boolean fits(String pattern, String path) {
        String[] segments = PathShapes.segmentsOf(path);
        return segments == null || PathShapes.of(pattern).mayMatch(segments);
    }

    @Test
    void literalSegmentsMustBeEqualAtTheirPlace() {
        assertThat(fits("/api/fairs/{fairId}/matches", "/api/fairs/7/matches")).isTrue();
        assertThat(fits("/api/fairs/{fairId}/matches", "/api/fairs/7/listings")).isFalse();
        assertThat(fits("/api/fairs/{fairId}/matches", "/api/trainings/7/matches")).isFalse();
    }

    @Test
    void withoutAWildcardTheNumberOfSegmentsMustBeEqual() {
        assertThat(fits("/api/fairs/{fairId}", "/api/fairs/7/matches")).isFalse();
        assertThat(fits("/api/fairs/{fairId}", "/api/fairs")).isFalse();
        assertThat(fits("/api/fairs/{fairId}", "/api/fairs/7/")).isFalse();
    }

    @Test
    void aWildcardLeavesTheRestToSpring() {
        assertThat(fits("/assets/**", "/assets/a/b/c.js")).isTrue();
        assertThat(fits("/api/files/{*rest}", "/api/files/a/b")).isTrue();
        assertThat(fits("/api/files/{*rest}", "/api/other/a")).isFalse();
        assertThat(fits("/x/*.js", "/x/a.js")).isTrue();
    }

    @Test
    void whatCannotBeComparedLiterallyIsAMaybe() {
        assertThat(fits("/api/fairs/{id:\\d+}/matches", "/api/other")).isTrue();
        assertThat(fits("/api/fairs/{fairId}/matches", "/api/%66airs/7/matches")).isTrue();
        assertThat(fits("/api/fairs/{fairId}/matches", "/api;a=b/fairs/7/matches")).isTrue();
        assertThat(fits("/api/报告/{id}", "/api/x/7")).isTrue();
        assertThat(fits("/api/file-{name}.pdf", "/api/other")).isTrue();     // a segment mixing text and a variable
        assertThat(fits("/api/file-{name}.pdf", "/api/other/x")).isFalse();
        assertThat(fits("/api/file-{name}.pdf", "/api/file-a.pdf")).isTrue();
    }
}
