package io.livehall.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.livehall.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.http.server.PathContainer;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * The shortcut must never rule out a mapping Spring would have chosen: checked for every path pattern of the
 * application against sample paths made from every pattern (variables filled in, wildcards expanded, a trailing slash,
 * an extra or a missing segment).
 */
class ShapeFilteredRequestMappingTest extends IntegrationTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void theApplicationUsesTheShapeFilteredMapping() {
        assertThat(mappings).isInstanceOf(ShapeFilteredRequestMapping.class);
    }

    @Test
    void noPatternIsRuledOutForAPathItMatches() {
        List<PathPattern> patterns = patterns();
        assertThat(patterns).hasSizeGreaterThan(100);
        List<String> samples = new ArrayList<>();
        patterns.forEach(p -> samples.addAll(samplesOf(p.getPatternString())));
        int checked = 0;
        for (PathPattern pattern : patterns) {
            PathShapes.Shape shape = PathShapes.of(pattern.getPatternString());
            for (String sample : samples) {
                String[] segments = PathShapes.segmentsOf(sample);
                if (segments != null && pattern.matches(PathContainer.parsePath(sample))) {
                    checked++;
                    assertThat(shape.mayMatch(segments)).as("%s for %s", pattern, sample).isTrue();
                }
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(patterns.size());
    }

    @Test
    void aPathWithAVariableLeavesFewCandidates() {
        String[] segments = PathShapes.segmentsOf("/api/fairs/7/matches");
        long left = patterns().stream().filter(p -> PathShapes.of(p.getPatternString()).mayMatch(segments)).count();
        assertThat(left).isLessThanOrEqualTo(5);
    }

    @Test
    void answersStayAsBefore() {
        http.get().uri("/api/fairs/1/matches").exchange().expectStatus().isUnauthorized();
        http.get().uri("/api/bench/nothing-here/7").exchange().expectStatus().isNotFound();
        http.get().uri("/api/fairs/{id}", "x%2F1").accept(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().is4xxClientError();
    }

    private List<PathPattern> patterns() {
        Set<PathPattern> all = new TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> all.addAll(info.getPatternsCondition().getPatterns()));
        return new ArrayList<>(all);
    }

    /** The pattern with its variables filled in and its wildcards expanded, and near misses of it. */
    private static List<String> samplesOf(String pattern) {
        String filled = pattern.replaceAll("\\{\\*[^}]+}", "a/b").replace("**", "a/b").replace("*", "x")
                .replaceAll("\\{[^}]+}", "7").replace("?", "q");
        List<String> samples = new ArrayList<>(List.of(filled, filled + "/", filled + "/extra"));
        int cut = filled.lastIndexOf('/');
        if (cut > 0) {
            samples.add(filled.substring(0, cut));
        }
        return samples;
    }
}
