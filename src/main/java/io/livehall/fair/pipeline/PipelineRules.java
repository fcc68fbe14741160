package io.livehall.fair.pipeline;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.livehall.common.error.ApiProblem;
import io.livehall.common.error.FieldProblem;
import io.livehall.fair.PairStage;
import io.livehall.fair.pipeline.PipelineViews.PairView;
import org.springframework.http.HttpStatus;

/**
 * The rules of moving a pair by hand: forward one or more steps freely; back (or out of DROPPED, or into DROPPED) only
 * with a reason; INTENTION needs an intended amount, SIGNED a signed amount and date. Automatic progress
 * ({@link PairProgressRecorder}) only ever moves forward and never out of SIGNED or DROPPED.
 */
final class PipelineRules {

    /** 1 万亿元 in fen: the most one pair's intended or signed amount may be (also a CHECK of V30). */
    static final long MAX_AMOUNT_FEN = 100_000_000_000_000L;
    private static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

    private PipelineRules() {
    }

    /** Whether {@code to} is a step forward from {@code from} along MATCHED → … → SIGNED (DROPPED is no step). */
    static boolean forward(PairStage from, PairStage to) {
        return from != PairStage.DROPPED && to != PairStage.DROPPED && to.ordinal() > from.ordinal();
    }

    /** Whether moving {@code from} → {@code to} needs a reason: a step back, a drop, a reopening of a dropped pair. */
    static boolean needsReason(PairStage from, PairStage to) {
        if (from == to) {
            return false;
        }
        return to == PairStage.DROPPED || from == PairStage.DROPPED || to.ordinal() < from.ordinal();
    }

    /** 400 naming every field that breaks a rule of moving {@code current} as {@code change} asks. */
    static void check(PairView current, PairUpdate change) {
        List<FieldProblem> problems = new ArrayList<>();
        PairStage to = change.stage();
        if (needsReason(current.stage(), to) && change.reasonText() == null) {
            problems.add(new FieldProblem("reason", to == PairStage.DROPPED ? "放弃对接请填写原因"
                    : current.stage() == PairStage.DROPPED ? "重新跟进已放弃的对接请填写原因" : "退回到之前的阶段请填写原因"));
        }
        if (to == PairStage.INTENTION && change.intendedAmountFen() == null) {
            problems.add(new FieldProblem("intendedAmountFen", "达成意向请填写意向金额"));
        }
        if (to == PairStage.SIGNED && change.signedAmountFen() == null) {
            problems.add(new FieldProblem("signedAmountFen", "签约请填写签约金额"));
        }
        if (to == PairStage.SIGNED && change.signedOn() == null) {
            problems.add(new FieldProblem("signedOn", "签约请填写签约日期"));
        }
        date(change.intendedOn(), "intendedOn", problems);
        date(change.signedOn(), "signedOn", problems);
        if (!problems.isEmpty()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "validation", "请求参数有误", problems);
        }
    }

    /** Whether the change would alter nothing (same stage, amounts and dates, no note). */
    static boolean unchanged(PairView current, PairUpdate change) {
        return current.stage() == change.stage() && change.noteText() == null
                && Objects.equals(current.intendedAmountFen(), change.intendedAmountFen())
                && Objects.equals(current.intendedOn(), change.intendedOn())
                && Objects.equals(current.signedAmountFen(), change.signedAmountFen())
                && Objects.equals(current.signedOn(), change.signedOn());
    }

    private static void date(LocalDate date, String field, List<FieldProblem> problems) {
        if (date != null && (date.isBefore(EARLIEST) || date.isAfter(LATEST))) {
            problems.add(new FieldProblem(field, "日期须在 2000 年至 2100 年之间"));
        }
    }
}
