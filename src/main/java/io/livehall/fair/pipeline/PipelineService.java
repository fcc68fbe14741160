package io.livehall.fair.pipeline;

import java.time.Clock;
import java.util.Map;
import io.livehall.common.tally.Measure;
import io.livehall.common.tally.Tally;
import io.livehall.common.error.ApiProblem;
import io.livehall.common.events.AfterCommit;
import io.livehall.common.notification.Notification;
import io.livehall.common.paging.Page;
import io.livehall.common.paging.PageRequest;
import io.livehall.fair.FairActivity;
import io.livehall.fair.FairStaff;
import io.livehall.fair.Fairs;
import io.livehall.fair.PairStage;
import io.livehall.fair.pipeline.PipelineViews.MyPairs;
import io.livehall.fair.pipeline.PipelineViews.PairDetail;
import io.livehall.fair.pipeline.PipelineViews.PairView;
import io.livehall.notification.NotificationCentre;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Who sees and moves pairs: the two sides (any member of either enterprise, once approved for the fair) and the fair's
 * organisers; anyone else gets 404 for a pair, as if it did not exist. A change names the version it was made on;
 * a stale one answers 409 so two people editing at once never lose a change. The other side is told of a move.
 */
@Service
class PipelineService {

    private static final String PAIR = "对接记录";

    private final Fairs fairs;
    private final PipelineRepository pairs;
    private final TransactionalOperator tx;
    private final FairActivity activity;
    private final AfterCommit afterCommit;
    private final NotificationCentre notifications;
    private final Clock clock;
    private final Tally tally;

    PipelineService(Fairs fairs, PipelineRepository pairs, TransactionalOperator tx, FairActivity activity,
                    AfterCommit afterCommit, NotificationCentre notifications, Clock clock, Tally tally) {
        this.tally = tally;
        this.fairs = fairs;
        this.pairs = pairs;
        this.tx = tx;
        this.activity = activity;
        this.afterCommit = afterCommit;
        this.notifications = notifications;
        this.clock = clock;
    }

    /** The pairs of the caller's enterprise at the fair (403 until it is approved; 404 for a fair it cannot see). */
    Mono<MyPairs> mine(FairStaff who, long fairId, PageRequest page) {
        return fairs.visibleTo(fairId, who)
                .then(fairs.approvedParticipantOf(fairId, who.userId()))
                .flatMap(me -> pairs.pairsOf(me.id(), page).collectList()
                        .map(rows -> new MyPairs(me.id(), Page.of(rows, page.limit(), p -> Long.toString(p.id())))));
    }

    /** A pair with its history, for either side or an organiser. */
    Mono<PairDetail> detail(FairStaff who, long fairId, long pairId) {
        return access(who, fairId, pairId).flatMap(access -> pairs.history(pairId).collectList()
                .map(history -> new PairDetail(access.pair(), access.side(), history)));
    }

    /** Moves or edits a pair as {@code change} asks, if it was made on the current version. */
    Mono<PairDetail> update(FairStaff who, long fairId, long pairId, PairUpdate change) {
        return access(who, fairId, pairId).flatMap(access -> {
            PairView current = access.pair();
            if (current.version() != change.version()) {
                return Mono.error(stale(change.version(), current.version()));
            }
            PipelineRules.check(current, change);
            if (PipelineRules.unchanged(current, change)) {
                return detail(who, fairId, pairId);
            }
            var at = clock.instant();
            Mono<Void> write = pairs.update(pairId, change, at)
                    .flatMap(rows -> rows == 1 ? pairs.history(pairId, who.userId(), current.stage(), change, at)
                            : pairs.pair(fairId, pairId).flatMap(now -> Mono.error(stale(change.version(), now.version()))))
                    .then(tellOtherSide(access, change))
                    .then(afterCommit.run("fair-pipeline-activity",
                            () -> Mono.fromRunnable(() -> activity.changed(fairId, FairActivity.What.PIPELINE, pairId))))
                    .then(afterCommit.run("fair-pipeline-tally", () -> tallied(fairId, current, change)));
            return tx.transactional(write).then(detail(who, fairId, pairId));
        });
    }

    /**
     * The organisers' dashboard: intentions, signed deals and signed amounts as the fair's KPIs count them (pairs at
     * INTENTION or SIGNED; SIGNED and its amount), changed by this update, in the minute it commits.
     */
    private Mono<Void> tallied(long fairId, PairView before, PairUpdate after) {
        long intentions = intended(after.stage()) - intended(before.stage());
        long signed = (after.stage() == PairStage.SIGNED ? 1 : 0) - (before.stage() == PairStage.SIGNED ? 1 : 0);
        long amount = signedAmount(after.stage(), after.signedAmountFen()) - signedAmount(before.stage(), before.signedAmountFen());
        if (intentions == 0 && signed == 0 && amount == 0) {
            return Mono.empty();
        }
        return tally.add(Tally.fair(fairId), Map.of(Measure.INTENTIONS, intentions, Measure.SIGNED_DEALS, signed,
                Measure.SIGNED_AMOUNT_FEN, amount));
    }

    private static long intended(PairStage stage) {
        return stage == PairStage.INTENTION || stage == PairStage.SIGNED ? 1 : 0;
    }

    private static long signedAmount(PairStage stage, Long fen) {
        return stage == PairStage.SIGNED && fen != null ? fen : 0;
    }

    /** A fair's pairs for its organisers, at one stage or all. */
    Mono<Page<PairView>> ofFair(FairStaff who, long fairId, PairStage stage, PageRequest page) {
        return fairs.runBy(who, fairId).flatMap(fair -> pairs.pairsOfFair(fairId, stage, page).collectList())
                .map(rows -> Page.of(rows, page.limit(), p -> Long.toString(p.id())));
    }

    /** Every pair of a fair, for its organisers' CSV. */
    Flux<PairView> allOfFair(FairStaff who, long fairId) {
        return fairs.runBy(who, fairId).flatMapMany(fair -> pairs.allOfFair(fairId));
    }

    /** The pair and the caller's side of it (null for an organiser who is no side). */
    private record Access(PairView pair, Long side) {
    }

    private Mono<Access> access(FairStaff who, long fairId, long pairId) {
        return pairs.pair(fairId, pairId)
                .flatMap(pair -> fairs.participantOf(fairId, who.userId())
                        .filter(p -> p.approved() && pair.involves(p.id()))
                        .map(me -> new Access(pair, me.id()))
                        .switchIfEmpty(Mono.defer(() -> fairs.runs(who, fairId)
                                .filter(Boolean::booleanValue)
                                .map(runs -> new Access(pair, null)))))
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound(PAIR)));
    }

    /** Tells the contact of each side but the caller's that the pair moved (inside the change's transaction). */
    private Mono<Void> tellOtherSide(Access access, PairUpdate change) {
        PairView pair = access.pair();
        if (pair.stage() == change.stage()) {
            return Mono.empty();
        }
        return Flux.just(pair.low(), pair.high())
                .filter(side -> access.side() == null || side.participantId() != access.side())
                .flatMap(side -> fairs.participant(side.participantId()))
                .flatMap(participant -> {
                    String other = participant.id() == pair.low().participantId() ? pair.high().name() : pair.low().name();
                    return notifications.notify(participant.userId(), Notification.of("fair-pipeline",
                            "与" + other + "的对接进展：" + PipelineLabels.stage(change.stage()),
                            change.reasonText(), "/fairs/" + pair.fairId() + "/pipeline?pair=" + pair.id(), clock));
                })
                .then();
    }

    private static ApiProblem stale(int edited, int current) {
        ApiProblem problem = new ApiProblem(HttpStatus.CONFLICT, "version-conflict", "对接记录已被他人更新，请刷新后再保存");
        problem.getBody().setProperty("editedVersion", edited);
        problem.getBody().setProperty("currentVersion", current);
        return problem;
    }
}
