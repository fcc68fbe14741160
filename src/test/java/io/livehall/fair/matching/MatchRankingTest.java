package io.livehall.fair.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Patching a stored top-N after one counterpart's score changed gives the top-N of all scores (or asks for a
 * recompute, which does by definition): a model of the incremental path against the full one.
 */
class MatchRankingTest {

    private static final Comparator<MatchWriteRepository.Ranked> ORDER = Comparator
            .comparingInt(MatchWriteRepository.Ranked::score).reversed()
            .thenComparingLong(MatchWriteRepository.Ranked::counterpartId);

    static List<MatchWriteRepository.Ranked> top(Map<Long, Integer> scores) {
        return scores.entrySet().stream().filter(e -> e.getValue() != null && e.getValue() >= MatchWeights.THRESHOLD)
                .map(e -> new MatchWriteRepository.Ranked(e.getKey(), e.getValue())).sorted(ORDER)
                .limit(MatchWeights.TOP_N).toList();
    }

    @Property(tries = 2000)
    void patchingOrRecomputingEqualsTheFullTopN(
            @ForAll @Size(max = 25) List<@IntRange(min = 0, max = 100) Integer> before,
            @ForAll @IntRange(min = 0, max = 30) int changedIndex,
            @ForAll @IntRange(min = -1, max = 100) int after) {
        Map<Long, Integer> scores = new TreeMap<>();
        for (int i = 0; i < before.size(); i++) {
            scores.put((long) i + 1, before.get(i));
        }
        long changed = changedIndex + 1;
        List<MatchWriteRepository.Ranked> stored = top(scores);
        scores.put(changed, after < 0 ? null : after);
        List<MatchWriteRepository.Ranked> expected = top(scores);
        Integer newScore = after >= MatchWeights.THRESHOLD ? after : null;

        List<MatchWriteRepository.Ranked> result = switch (MatchRanking.effect(stored, changed, newScore)) {
            case UNCHANGED -> stored;
            case RECOMPUTE -> top(scores);
            case PATCH -> MatchRanking.patched(stored, changed, newScore);
        };
        assertThat(result).isEqualTo(expected);
    }
}
