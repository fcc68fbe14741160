package io.livehall.fair.screening;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.livehall.common.tally.Measure;
import io.livehall.common.tally.Tally;
import io.livehall.common.error.ApiProblem;
import io.livehall.common.error.FieldProblem;
import io.livehall.common.events.AfterCommit;
import io.livehall.fair.Fair;
import io.livehall.fair.FairActivity;
import io.livehall.fair.FairStaff;
import io.livehall.fair.Fairs;
import io.livehall.fair.ParticipantStatus;
import io.livehall.fair.screening.FairViews.EnterpriseRef;
import io.livehall.fair.screening.FairViews.Participation;
import io.livehall.fair.screening.FairViews.Registration;
import io.livehall.fair.screening.FairViews.Row;
import io.livehall.identity.AccountService;
import io.livehall.identity.Enterprise;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * An enterprise's side of screening: register with the questionnaire (a closed-door fair through an invitation link),
 * edit it while pending, answer a request for more information (back to PENDING), withdraw, register again after
 * withdrawing. The enterprise is the caller's (set up in the profile); any of its people acts for it.
 */
@Service
class Registrations {

    private static final List<ParticipantStatus> EDITABLE = List.of(ParticipantStatus.PENDING, ParticipantStatus.NEEDS_INFO);
    private static final List<ParticipantStatus> WITHDRAWABLE =
            List.of(ParticipantStatus.PENDING, ParticipantStatus.NEEDS_INFO, ParticipantStatus.APPROVED);

    private final ParticipantRepository participants;
    private final Invitations invitations;
    private final FairPages pages;
    private final FairQueries queries;
    private final Fairs fairs;
    private final AccountService accounts;
    private final ScreeningNotices notices;
    private final TransactionalOperator tx;
    private final AfterCommit afterCommit;
    private final FairActivity activity;
    private final Clock clock;
    private final Tally tally;

    Registrations(ParticipantRepository participants, Invitations invitations, FairPages pages, FairQueries queries,
                  Fairs fairs, AccountService accounts, ScreeningNotices notices, TransactionalOperator tx,
                  AfterCommit afterCommit, FairActivity activity, Clock clock, Tally tally) {
        this.tally = tally;
        this.participants = participants;
        this.invitations = invitations;
        this.pages = pages;
        this.queries = queries;
        this.fairs = fairs;
        this.accounts = accounts;
        this.notices = notices;
        this.tx = tx;
        this.afterCommit = afterCommit;
        this.activity = activity;
        this.clock = clock;
    }

    /** The registration page of a fair the caller may see (or holds an invitation link to). */
    Mono<Registration> status(long fairId, long userId, String invitation) {
        return access(fairId, userId, invitation).flatMap(fair -> view(fair, userId));
    }

    Flux<Participation> mine(long userId) {
        return queries.ofUser(userId);
    }

    Mono<Registration> register(long fairId, long userId, RegistrationRequest r) {
        return enterpriseOf(userId).flatMap(enterprise -> access(fairId, userId, r.invitation())
                .flatMap(fair -> check(fair, r)
                        .then(Mono.defer(() -> r.invitation() == null || r.invitation().isBlank() ? Mono.<Long>empty()
                                : invitations.usableBy(r.invitation(), fairId, enterprise.id())
                                        .map(InvitationRepository.Found::id)))
                        .map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty())
                        .flatMap(invitation -> tx.transactional(participants.ofEnterprise(fairId, enterprise.id())
                                .flatMap(existing -> existing.status() == ParticipantStatus.WITHDRAWN
                                        ? participants.resubmit(existing.id(), userId, r, invitation.orElse(null),
                                                List.of(ParticipantStatus.WITHDRAWN), clock.instant())
                                                .flatMap(rows -> rows == 1 ? Mono.just(existing.id()) : Mono.error(taken()))
                                                .flatMap(id -> participants.record(id, ParticipantStatus.WITHDRAWN,
                                                        ParticipantStatus.PENDING, "重新报名", userId, clock.instant()).thenReturn(id))
                                        : Mono.error(taken()))
                                .switchIfEmpty(Mono.defer(() -> participants.insert(fairId, enterprise.id(), userId, r,
                                                invitation.orElse(null))
                                        .flatMap(id -> participants.record(id, null, ParticipantStatus.PENDING, null, userId,
                                                clock.instant()).thenReturn(id))))
                                .flatMap(id -> (invitation.isPresent() ? invitations.use(invitation.get()) : Mono.<Void>empty())
                                        .then(changed(fairId, id))
                                        .then(registered(fairId, 1))))
                                .onErrorMap(DataIntegrityViolationException.class, e -> taken()))
                        .then(Mono.defer(() -> view(fair, userId)))));
    }

    /** Edits the questionnaire of a pending registration, or answers a request for more (→ PENDING; organisers told). */
    Mono<Registration> update(long fairId, long userId, RegistrationRequest r) {
        return fairs.visibleTo(fairId, new FairStaff(userId, false))
                .flatMap(fair -> own(fairId, userId).flatMap(p -> check(fair, r)
                        .then(Mono.defer(() -> EDITABLE.contains(p.status()) ? Mono.just(p) : Mono.error(state(p, "修改"))))
                        .flatMap(x -> tx.transactional(participants.resubmit(p.id(), userId, r, null, EDITABLE, clock.instant())
                                .flatMap(rows -> rows == 1 ? Mono.<Void>empty() : Mono.error(state(p, "修改")))
                                .then(participants.record(p.id(), p.status(), ParticipantStatus.PENDING,
                                        p.status() == ParticipantStatus.NEEDS_INFO ? answer(r) : "修改了报名资料", userId,
                                        clock.instant()))
                                .then(p.status() == ParticipantStatus.NEEDS_INFO
                                        ? notices.answered(fair.organiserId(), fairId, fair.title(), p.enterpriseName())
                                        : Mono.empty())
                                .then(changed(fairId, p.id()))))
                        .then(Mono.defer(() -> view(fair, userId)))));
    }

    Mono<Registration> withdraw(long fairId, long userId) {
        return fairs.visibleTo(fairId, new FairStaff(userId, false))
                .flatMap(fair -> own(fairId, userId).flatMap(p -> tx.transactional(
                                participants.move(p.id(), WITHDRAWABLE, ParticipantStatus.WITHDRAWN, null, null, clock.instant())
                                        .flatMap(rows -> rows == 1 ? Mono.<Void>empty() : Mono.error(state(p, "撤回")))
                                        .then(participants.record(p.id(), p.status(), ParticipantStatus.WITHDRAWN, null,
                                                userId, clock.instant()))
                                        .then(changed(fairId, p.id()))
                                        .then(registered(fairId, -1))))
                        .then(Mono.defer(() -> view(fair, userId))));
    }

    private Mono<Registration> view(Fair fair, long userId) {
        boolean open = pages.open(fair);
        return accounts.findById(userId).flatMap(user -> {
            Enterprise e = user.enterprise();
            if (e == null) {
                return Mono.just(new Registration(null, null, List.of(), open));
            }
            EnterpriseRef ref = new EnterpriseRef(e.id(), e.name());
            return participants.ofEnterprise(fair.id(), e.id())
                    .flatMap(p -> participants.history(p.id()).collectList()
                            .map(history -> new Registration(ref, p, history, open)))
                    .defaultIfEmpty(new Registration(ref, null, List.of(), open));
        });
    }

    /** The fair through a live invitation link of it, or as the caller may see it; 404 otherwise. */
    private Mono<Fair> access(long fairId, long userId, String invitation) {
        if (invitation != null && !invitation.isBlank()) {
            return invitations.usableFor(invitation, fairId).then(fairs.find(fairId))
                    .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("对接会")));
        }
        return fairs.visibleTo(fairId, new FairStaff(userId, false));
    }

    private Mono<Row> own(long fairId, long userId) {
        return accounts.findById(userId).flatMap(user -> Mono.justOrEmpty(user.enterprise()))
                .flatMap(e -> participants.ofEnterprise(fairId, e.id()))
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("报名")));
    }

    private Mono<Enterprise> enterpriseOf(long userId) {
        return accounts.findById(userId)
                .flatMap(user -> Mono.justOrEmpty(user.enterprise()))
                .switchIfEmpty(Mono.error(() -> new ApiProblem(HttpStatus.CONFLICT, "enterprise-required",
                        "您的账号未关联企业，请先在个人资料中补充企业信息（企业名称、统一社会信用代码等）后再报名")));
    }

    /** The fair takes registrations; the role fits its kind; the amount range is a range. */
    private Mono<Void> check(Fair fair, RegistrationRequest r) {
        if (!pages.open(fair)) {
            return Mono.error(new ApiProblem(HttpStatus.CONFLICT, "fair-closed", "本场对接会当前不接受报名"));
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (!FairPages.fits(fair.kind(), r.role())) {
            problems.add(new FieldProblem("role", fair.kind() == io.livehall.fair.FairKind.ROADSHOW
                    ? "投融资路演的参会身份为项目方或投资方" : "参会身份为供应商、采购商或供采兼有"));
        }
        if (r.amountMinFen() != null && r.amountMaxFen() != null && r.amountMinFen() > r.amountMaxFen()) {
            problems.add(new FieldProblem("amountMaxFen", "金额上限不能低于下限"));
        }
        return problems.isEmpty() ? Mono.empty() : Mono.error(FairEditor.invalid(problems));
    }

    private Mono<Void> changed(long fairId, long participantId) {
        return afterCommit.run("fair-participant", () -> Mono.fromRunnable(
                () -> activity.changed(fairId, FairActivity.What.PARTICIPANT, participantId)));
    }

    /** The organisers' dashboard counts registrations made (a withdrawal: −1) in the minute they commit. */
    private Mono<Void> registered(long fairId, long n) {
        return afterCommit.run("fair-registration-tally", () -> tally.add(Tally.fair(fairId), Map.of(Measure.REGISTRATIONS, n)));
    }

    private static String answer(RegistrationRequest r) {
        return r.answer() == null || r.answer().isBlank() ? "已补充资料" : r.answer().strip();
    }

    private static ApiProblem taken() {
        return new ApiProblem(HttpStatus.CONFLICT, "already-registered", "贵企业已报名本场对接会");
    }

    static ApiProblem state(Row p, String action) {
        return new ApiProblem(HttpStatus.CONFLICT, "participant-state", "报名" + label(p.status()) + "，不能" + action);
    }

    static String label(ParticipantStatus status) {
        return switch (status) {
            case PENDING -> "待审核";
            case NEEDS_INFO -> "待补充资料";
            case APPROVED -> "已通过";
            case REJECTED -> "未通过";
            case WITHDRAWN -> "已撤回";
        };
    }
}
