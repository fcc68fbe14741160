package io.livehall.fair.pipeline;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.livehall.common.paging.Page;
import io.livehall.fair.FairFigure;
import io.livehall.fair.PairStage;
import io.livehall.fair.ParticipantRole;

/** What the pipeline answers: pairs, their history, the KPIs of one fair and across fairs. Amounts in fen. */
final class PipelineViews {

    private PipelineViews() {
    }

    /** One side of a pair: the participant and its enterprise. */
    record Side(long participantId, long enterpriseId, String name, ParticipantRole role, String region) {
    }

    /** A pair as it stands; {@code version} is what an edit must name. */
    record PairView(long id, long fairId, Side low, Side high, PairStage stage, Long intendedAmountFen,
                    LocalDate intendedOn, Long signedAmountFen, LocalDate signedOn, String note, String dropReason,
                    int version, Instant createdAt, Instant updatedAt) {

        boolean involves(long participantId) {
            return low.participantId() == participantId || high.participantId() == participantId;
        }
    }

    /** One change of a pair: {@code by} null when recorded automatically; {@code from} null when the pair was created. */
    record HistoryEntry(long id, String by, PairStage from, PairStage to, String reason, String note,
                        Long intendedAmountFen, Long signedAmountFen, Instant at) {
    }

    /** A pair with its history, newest change first; {@code mine} is the caller's side (null for organisers). */
    record PairDetail(PairView pair, Long mine, List<HistoryEntry> history) {
    }

    /** The caller's pairs at a fair ({@code participantId}: their enterprise's participant). */
    record MyPairs(long participantId, Page<PairView> pairs) {
    }

    /** A fair's KPIs: every figure (0 when no feature counts it) and the pairs at each stage, as of {@code at}. */
    record FairKpi(long fairId, String title, Instant startsAt, Instant endsAt, Map<FairFigure, Long> figures,
                   Map<PairStage, Long> stages, Instant at) {
    }

    /** The KPIs of every fair the organiser runs, newest first, and their totals. */
    record KpiTable(List<FairKpi> fairs, Map<FairFigure, Long> total, Instant at) {
    }
}
