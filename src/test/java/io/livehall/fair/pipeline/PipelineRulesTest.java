package io.livehall.fair.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.livehall.common.error.ApiProblem;
import io.livehall.fair.FairFigure;
import io.livehall.fair.PairStage;
import io.livehall.fair.ParticipantRole;
import io.livehall.fair.pipeline.PipelineViews.PairView;
import io.livehall.fair.pipeline.PipelineViews.Side;
import org.junit.jupiter.api.Test;

/** The transition rules and the KPI sum, without a database. */
class PipelineRulesTest {

    private static PairView at(PairStage stage) {
        Side side = new Side(1, 1, "甲", ParticipantRole.SUPPLIER, "合肥");
        return new PairView(1, 1, side, new Side(2, 2, "乙", ParticipantRole.BUYER, "芜湖"), stage, null, null, null,
                null, "", null, 0, Instant.EPOCH, Instant.EPOCH);
    }

    private static PairUpdate to(PairStage stage, Long intended, Long signed, LocalDate signedOn, String reason) {
        return new PairUpdate(0, stage, intended, null, signed, signedOn, null, reason);
    }

    @Test
    void everyForwardMoveIsFreeAndEveryOtherNeedsAReason() {
        PairStage[] line = {PairStage.MATCHED, PairStage.CONTACTED, PairStage.MET, PairStage.INTENTION, PairStage.SIGNED};
        for (int i = 0; i < line.length; i++) {
            for (int j = 0; j < line.length; j++) {
                assertThat(PipelineRules.needsReason(line[i], line[j])).as(line[i] + "→" + line[j]).isEqualTo(j < i);
                assertThat(PipelineRules.forward(line[i], line[j])).isEqualTo(j > i);
            }
            assertThat(PipelineRules.needsReason(line[i], PairStage.DROPPED)).isTrue();
            assertThat(PipelineRules.needsReason(PairStage.DROPPED, line[i])).isTrue();
        }
        assertThat(PipelineRules.needsReason(PairStage.DROPPED, PairStage.DROPPED)).isFalse();
        assertThatCode(() -> PipelineRules.check(at(PairStage.MATCHED), to(PairStage.MET, null, null, null, null)))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> PipelineRules.check(at(PairStage.MET), to(PairStage.MATCHED, null, null, null, " ")))
                .isInstanceOf(ApiProblem.class);
    }

    @Test
    void signedNeedsAmountAndDateIntentionAnAmount() {
        assertThatThrownBy(() -> PipelineRules.check(at(PairStage.MET), to(PairStage.SIGNED, null, null, null, null)))
                .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.getBody().getProperties().get("errors"))
                        .asString().contains("signedAmountFen", "signedOn"));
        assertThatThrownBy(() -> PipelineRules.check(at(PairStage.MET), to(PairStage.INTENTION, null, null, null, null)))
                .isInstanceOf(ApiProblem.class);
        assertThatCode(() -> PipelineRules.check(at(PairStage.MATCHED),
                to(PairStage.SIGNED, null, 100L, LocalDate.of(2026, 12, 8), null))).doesNotThrowAnyException();
    }

    @Test
    void theKpiSumAddsEverySourceAndNamesEveryFigure() {
        Map<FairFigure, Long> sum = FairKpis.sum(List.of(
                Map.of(FairFigure.ENTERPRISES, 12L, FairFigure.APPROVED, 9L),
                Map.of(FairFigure.SIGNED, 2L, FairFigure.SIGNED_AMOUNT_FEN, Long.MAX_VALUE - 1),
                Map.of(FairFigure.SIGNED, 1L, FairFigure.SIGNED_AMOUNT_FEN, 5L)));
        assertThat(sum).hasSize(FairFigure.values().length)
                .containsEntry(FairFigure.ENTERPRISES, 12L).containsEntry(FairFigure.SIGNED, 3L)
                .containsEntry(FairFigure.SIGNED_AMOUNT_FEN, Long.MAX_VALUE).containsEntry(FairFigure.MATCHES, 0L);
    }
}
