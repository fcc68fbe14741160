package io.livehall.fair.screening;

import java.time.Clock;
import java.util.List;

import io.livehall.common.error.ApiProblem;
import io.livehall.common.events.AfterCommit;
import io.livehall.common.paging.Page;
import io.livehall.common.paging.PageRequest;
import io.livehall.fair.Fair;
import io.livehall.fair.FairActivity;
import io.livehall.fair.FairStaff;
import io.livehall.fair.FairStatus;
import io.livehall.fair.Fairs;
import io.livehall.fair.ParticipantRole;
import io.livehall.fair.ParticipantStatus;
import io.livehall.fair.screening.FairViews.Counts;
import io.livehall.fair.screening.FairViews.Row;
import io.livehall.fair.screening.FairViews.RowDetail;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The organisers' screening (摸底): the queue with filters and counts, one registration with its history, approve
 * (within the capacity: decisions of a fair queue on its row lock, so concurrent approvals never exceed it), reject or
 * ask for more with a reason the enterprise sees, and the CSV. A registration of a fair the caller does not run answers
 * 404. The enterprise's contact is told of every decision.
 */
@Service
class Screening {

    private final ParticipantRepository participants;
    private final Fairs fairs;
    private final ScreeningNotices notices;
    private final TransactionalOperator tx;
    private final AfterCommit afterCommit;
    private final FairActivity activity;
    private final Clock clock;

    Screening(ParticipantRepository participants, Fairs fairs, ScreeningNotices notices, TransactionalOperator tx,
              AfterCommit afterCommit, FairActivity activity, Clock clock) {
        this.participants = participants;
        this.fairs = fairs;
        this.notices = notices;
        this.tx = tx;
        this.afterCommit = afterCommit;
        this.activity = activity;
        this.clock = clock;
    }

    Mono<Page<Row>> queue(FairStaff who, long fairId, ParticipantStatus status, ParticipantRole role, String q,
                          PageRequest page) {
        return fairs.runBy(who, fairId)
                .thenMany(Flux.defer(() -> participants.ofFair(fairId, status, role, q, page.afterId(), page.limit())))
                .collectList()
                .map(rows -> Page.of(rows, page.limit(), r -> Long.toString(r.id())));
    }

    Mono<Counts> counts(FairStaff who, long fairId) {
        return fairs.runBy(who, fairId).flatMap(fair -> participants.counts(fairId)
                .map(byStatus -> new Counts(byStatus, byStatus.getOrDefault(ParticipantStatus.APPROVED, 0L), fair.capacity())));
    }

    Mono<RowDetail> participant(FairStaff who, long participantId) {
        return own(who, participantId).flatMap(this::detail);
    }

    Flux<Row> export(FairStaff who, long fairId) {
        return fairs.runBy(who, fairId).thenMany(Flux.defer(() -> participants.allOf(fairId)));
    }

    /** PENDING → APPROVED while approvals are under the capacity (409 "名额已满" otherwise). */
    Mono<RowDetail> approve(FairStaff who, long participantId) {
        return decide(who, participantId, (p, fair) -> participants.lockCapacity(fair.id())
                .flatMap(capacity -> participants.approvedCount(fair.id())
                        .flatMap(approved -> approved >= capacity
                                ? Mono.error(new ApiProblem(HttpStatus.CONFLICT, "fair-full", "名额已满（" + capacity + " 家），不能再通过"))
                                : move(who, p, List.of(ParticipantStatus.PENDING), ParticipantStatus.APPROVED, null)))
                .then(notices.approved(p.accounts(), fair.id(), fair.title())));
    }

    /** PENDING, NEEDS_INFO or APPROVED → REJECTED with the reason. */
    Mono<RowDetail> reject(FairStaff who, long participantId, String reason) {
        String why = reason.strip();
        return decide(who, participantId, (p, fair) -> move(who, p, List.of(ParticipantStatus.PENDING,
                        ParticipantStatus.NEEDS_INFO, ParticipantStatus.APPROVED), ParticipantStatus.REJECTED, why)
                .then(notices.rejected(p.accounts(), fair.id(), fair.title(), why)));
    }

    /** PENDING → NEEDS_INFO with what is missing; the enterprise's answer brings it back to PENDING. */
    Mono<RowDetail> needsInfo(FairStaff who, long participantId, String reason) {
        String why = reason.strip();
        return decide(who, participantId, (p, fair) -> move(who, p, List.of(ParticipantStatus.PENDING),
                ParticipantStatus.NEEDS_INFO, why)
                .then(notices.needsInfo(p.accounts(), fair.id(), fair.title(), why)));
    }

    private interface Decision {
        Mono<Void> apply(Contacted p, Fair fair);
    }

    /** A participant and whom to tell: every account of its enterprise (and its contact), once each. */
    record Contacted(Row row, List<Long> accounts) {
        long id() {
            return row.id();
        }
    }

    private Mono<RowDetail> decide(FairStaff who, long participantId, Decision decision) {
        return own(who, participantId)
                .flatMap(p -> fairs.find(p.fairId())
                        .flatMap(fair -> fair.status() == FairStatus.CANCELLED
                                ? Mono.error(new ApiProblem(HttpStatus.CONFLICT, "fair-state", "对接会已取消，不能审核"))
                                : participants.accountsToTell(participantId).collectList().flatMap(accounts -> tx.transactional(
                                        decision.apply(new Contacted(p, accounts), fair)
                                                .then(afterCommit.run("fair-participant", () -> Mono.fromRunnable(() ->
                                                        activity.changed(fair.id(), FairActivity.What.PARTICIPANT, participantId))))))))
                .then(Mono.defer(() -> participants.byId(participantId)))
                .flatMap(this::detail);
    }

    private Mono<Void> move(FairStaff who, Contacted p, List<ParticipantStatus> from, ParticipantStatus to, String reason) {
        return participants.move(p.id(), from, to, reason, who.userId(), clock.instant())
                .flatMap(rows -> rows == 1 ? participants.record(p.id(), p.row().status(), to, reason, who.userId(), clock.instant())
                        : Mono.error(new ApiProblem(HttpStatus.CONFLICT, "participant-state",
                                "报名" + Registrations.label(p.row().status()) + "，不能改为" + Registrations.label(to))));
    }

    private Mono<Row> own(FairStaff who, long participantId) {
        return participants.byId(participantId)
                .filterWhen(p -> fairs.runs(who, p.fairId()))
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("报名")));
    }

    private Mono<RowDetail> detail(Row p) {
        return participants.history(p.id()).collectList().map(history -> new RowDetail(p, history));
    }
}
