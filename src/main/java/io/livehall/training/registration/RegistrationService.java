package io.livehall.training.registration;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.livehall.common.error.ApiProblem;
import io.livehall.common.error.FieldProblem;
import io.livehall.common.paging.Page;
import io.livehall.common.paging.PageRequest;
import io.livehall.training.TrainingSeries;
import io.livehall.training.TrainingSession;
import io.livehall.training.TrainingSessions;
import io.livehall.training.TrainingStatus;
import io.livehall.training.registration.RegistrationViews.Form;
import io.livehall.training.registration.RegistrationViews.Mine;
import io.livehall.training.registration.RegistrationViews.Status;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * A person's side of registration: register (the state follows the series' mode: confirmed, waiting in line, or
 * waiting for approval), register again after a cancel or a rejection, cancel. Every change takes the series'
 * settings row lock first, so a CAPACITY series never confirms more than its capacity however many register at once;
 * the registration is committed before the answer says so.
 */
@Service
class RegistrationService {

    private final RegistrationRepository repository;
    private final TrainingSessions trainings;
    private final Placement placement;
    private final TransactionalOperator tx;
    private final Clock clock;

    RegistrationService(RegistrationRepository repository, TrainingSessions trainings, Placement placement,
                        TransactionalOperator tx, Clock clock) {
        this.repository = repository;
        this.trainings = trainings;
        this.placement = placement;
        this.tx = tx;
        this.clock = clock;
    }

    /** The series page's view: the form, and the caller's registration ({@code userId} null for a guest). */
    Mono<Status> status(long seriesId, Long userId) {
        return series(seriesId).flatMap(series -> form(series).flatMap(form -> userId == null
                ? Mono.just(new Status(form, null))
                : repository.find(seriesId, userId).flatMap(r -> mine(r, series.title()))
                        .map(m -> new Status(form, m)).defaultIfEmpty(new Status(form, null))));
    }

    Mono<Status> statusOfSession(long sessionId, Long userId) {
        return trainings.find(sessionId).switchIfEmpty(Mono.error(() -> ApiProblem.notFound("培训课程")))
                .flatMap(s -> status(s.seriesId(), userId));
    }

    /**
     * Registers; a repeat while the registration holds a place (or a place in line) changes nothing and answers the
     * registration as it is, so a retried request is harmless without an Idempotency-Key.
     */
    Mono<Status> register(long userId, long seriesId, RegisterRequest request) {
        RegisterRequest r = request == null ? RegisterRequest.EMPTY : request;
        return series(seriesId).flatMap(series -> trainings.sessionsOf(seriesId).collectList()
                        .flatMap(sessions -> tx.transactional(repository.lockSettings(seriesId).flatMap(settings -> {
                            String closed = closedReason(settings, sessions, clock.instant());
                            if (closed != null) {
                                return Mono.error(new ApiProblem(HttpStatus.CONFLICT, "registration-closed", closed));
                            }
                            RegisterRequest form = checkForm(settings, r);
                            return repository.find(seriesId, userId)
                                    .filter(existing -> RegistrationState.ACTIVE.contains(existing.state()))
                                    .map(Registration::id)
                                    .switchIfEmpty(Mono.defer(() -> placement.placeFor(settings)
                                            .flatMap(state -> repository.upsert(seriesId, userId, state, form.company(),
                                                    form.jobTitle(), form.phone(), clock.instant())
                                                    .flatMap(id -> placement.counted(seriesId,
                                                            state == RegistrationState.CONFIRMED ? 1 : 0).thenReturn(id)))));
                        }))))
                .then(Mono.defer(() -> status(seriesId, userId)));
    }

    /** Cancels; a confirmed place that frees moves the first in line up, in the same transaction. */
    Mono<Status> cancel(long userId, long seriesId) {
        return series(seriesId).flatMap(series -> tx.transactional(repository.lockSettings(seriesId)
                        .flatMap(settings -> repository.find(seriesId, userId)
                                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("报名")))
                                .flatMap(r -> repository.move(r.id(), List.copyOf(RegistrationState.ACTIVE),
                                                RegistrationState.CANCELLED, null, null)
                                        .flatMap(rows -> rows == 1 ? Mono.just(r) : Mono.error(new ApiProblem(
                                                HttpStatus.CONFLICT, "registration-state", "报名" + r.state().label() + "，不能取消"))))
                                .flatMap(r -> r.state() == RegistrationState.CONFIRMED
                                        ? placement.counted(seriesId, -1).then(placement.fill(settings, series.title()))
                                        : Mono.just(0L)))))
                .then(Mono.defer(() -> status(seriesId, userId)));
    }

    /** The caller's registrations, newest first. */
    Mono<Page<Mine>> mine(long userId, PageRequest page) {
        return repository.mine(userId, page.afterId(), page.limit())
                .concatMap(m -> mine(m.registration(), m.seriesTitle()))
                .collectList()
                .map(list -> Page.of(list, page.limit(), m -> Long.toString(m.id())));
    }

    Mono<Mine> mine(Registration r, String seriesTitle) {
        Mono<Long> position = r.state() == RegistrationState.WAITLISTED ? repository.position(r) : Mono.empty();
        return position.map(p -> (Long) p).defaultIfEmpty(-1L).map(p -> new Mine(r.id(), r.seriesId(), seriesTitle,
                r.state(), r.state().label(), p < 0 ? null : p, r.reason(), r.company(), r.jobTitle(), r.phone(),
                r.queuedAt(), r.decidedAt()));
    }

    private Mono<Form> form(TrainingSeries series) {
        return repository.settings(series.id()).defaultIfEmpty(RegistrationSettings.defaults(series.id()))
                .zipWith(repository.counts(series.id()))
                .zipWith(trainings.sessionsOf(series.id()).collectList(), (sc, sessions) -> {
                    RegistrationSettings s = sc.getT1();
                    Map<RegistrationState, Long> counts = sc.getT2();
                    String closed = closedReason(s, sessions, clock.instant());
                    return new Form(s.seriesId(), s.mode(), s.capacity(), counts.get(RegistrationState.CONFIRMED),
                            counts.get(RegistrationState.WAITLISTED), s.company(), s.jobTitle(), s.phone(), s.deadline(),
                            closed == null, closed);
                });
    }

    /** Why a series takes no registrations now, or null: past its deadline, or all its sessions are over. */
    static String closedReason(RegistrationSettings s, List<TrainingSession> sessions, Instant now) {
        if (s.deadline() != null && !now.isBefore(s.deadline())) {
            return "报名已截止";
        }
        boolean anyToCome = sessions.stream().anyMatch(t -> t.status() == TrainingStatus.SCHEDULED
                || t.status() == TrainingStatus.LIVE);
        return sessions.isEmpty() || anyToCome ? null : "培训已结束，不能报名";
    }

    /** The form's fields under the series' rules: fields it does not ask are dropped; all problems as one 400. */
    static RegisterRequest checkForm(RegistrationSettings s, RegisterRequest r) {
        List<FieldProblem> problems = new ArrayList<>();
        String company = field(s.company(), r.company(), "company", "请填写单位名称", problems);
        String jobTitle = field(s.jobTitle(), r.jobTitle(), "jobTitle", "请填写职务", problems);
        String phone = field(s.phone(), r.phone(), "phone", "请填写手机号", problems);
        if (phone != null && !Phones.valid(phone)) {
            problems.add(new FieldProblem("phone", "请填写正确的 11 位手机号"));
        }
        if (!problems.isEmpty()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "validation", "请求参数有误", problems);
        }
        return new RegisterRequest(company, jobTitle, phone);
    }

    private static String field(FieldRule rule, String value, String name, String missing, List<FieldProblem> problems) {
        String v = value == null || value.isBlank() ? null : value.strip();
        if (rule == FieldRule.OFF) {
            return null;
        }
        if (v == null && rule == FieldRule.REQUIRED) {
            problems.add(new FieldProblem(name, missing));
        }
        return v;
    }

    private Mono<TrainingSeries> series(long seriesId) {
        return trainings.findSeries(seriesId).switchIfEmpty(Mono.error(() -> ApiProblem.notFound("培训系列")));
    }
}
