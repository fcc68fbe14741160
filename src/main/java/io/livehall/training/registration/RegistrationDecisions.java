package io.livehall.training.registration;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import io.livehall.common.error.ApiProblem;
import io.livehall.common.error.FieldProblem;
import io.livehall.common.paging.Page;
import io.livehall.common.paging.PageRequest;
import io.livehall.training.TrainingSeries;
import io.livehall.training.TrainingSessions;
import io.livehall.training.TrainingStaff;
import io.livehall.training.registration.RegistrationViews.Row;
import io.livehall.training.registration.RegistrationViews.Settings;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The organiser's side: a series' settings, its registrations (phones masked), approve and reject. Only the series'
 * organiser or an admin: someone else's series or registration answers 404 (TrainingSessions.seriesRunBy).
 * Decisions and settings changes take the series' settings lock like registering does.
 */
@Service
class RegistrationDecisions {

    private final RegistrationRepository repository;
    private final TrainingSessions trainings;
    private final Placement placement;
    private final RegistrationNotices notices;
    private final TransactionalOperator tx;
    private final Clock clock;

    RegistrationDecisions(RegistrationRepository repository, TrainingSessions trainings, Placement placement,
                          RegistrationNotices notices, TransactionalOperator tx, Clock clock) {
        this.repository = repository;
        this.trainings = trainings;
        this.placement = placement;
        this.notices = notices;
        this.tx = tx;
        this.clock = clock;
    }

    Mono<Settings> settings(TrainingStaff who, long seriesId) {
        return trainings.seriesRunBy(who, seriesId).then(Mono.defer(() -> view(seriesId)));
    }

    /**
     * Saves the settings and rebalances at once: a raised capacity (or a series opened) moves the waiting list up; a
     * series turned to APPROVAL puts its waiting list before the organiser. A lowered capacity takes no confirmed
     * place away: new registrations wait until the count is under it again.
     */
    Mono<Settings> saveSettings(TrainingStaff who, long seriesId, SettingsRequest request) {
        check(request);
        RegistrationSettings wanted = request.toSettings(seriesId);
        return trainings.seriesRunBy(who, seriesId)
                .flatMap(series -> tx.transactional(repository.lockSettings(seriesId)
                        .then(repository.saveSettings(wanted))
                        .then(wanted.mode() == RegistrationMode.APPROVAL ? repository.waitingToPending(seriesId)
                                : placement.fill(wanted, series.title()))))
                .then(Mono.defer(() -> view(seriesId)));
    }

    Mono<Page<Row>> list(TrainingStaff who, long seriesId, RegistrationState state, PageRequest page) {
        return trainings.seriesRunBy(who, seriesId)
                .thenMany(Flux.defer(() -> repository.ofSeries(seriesId, state, page.afterId(), page.limit())))
                .concatMap(this::row)
                .collectList()
                .map(rows -> Page.of(rows, page.limit(), r -> Long.toString(r.id())));
    }

    /** Every registration of the series, full phone numbers included (the export; see docs/security.md). */
    Flux<Registration> export(TrainingStaff who, long seriesId) {
        return trainings.seriesRunBy(who, seriesId).thenMany(Flux.defer(() -> repository.allOf(seriesId)));
    }

    /** PENDING → CONFIRMED, within the cap on approvals when the series has one; the person is told. */
    Mono<Row> approve(TrainingStaff who, long registrationId) {
        return decide(who, registrationId, (r, series, settings) -> repository.confirmed(r.seriesId())
                .flatMap(confirmed -> settings.capacity() != null && confirmed >= settings.capacity()
                        ? Mono.error(new ApiProblem(HttpStatus.CONFLICT, "registration-full", "名额已满，不能再通过"))
                        : move(r, RegistrationState.CONFIRMED, null).then(placement.counted(r.seriesId(), 1)))
                .then(notices.approved(r.userId(), r.seriesId(), series.title())));
    }

    /** PENDING → REJECTED with the reason, which the person sees; the person is told. */
    Mono<Row> reject(TrainingStaff who, long registrationId, String reason) {
        String why = reason.strip();
        return decide(who, registrationId, (r, series, settings) -> move(r, RegistrationState.REJECTED, why)
                .then(notices.rejected(r.userId(), r.seriesId(), series.title(), why)));
    }

    private interface Decision {
        Mono<Void> apply(Registration r, TrainingSeries series, RegistrationSettings settings);
    }

    private Mono<Row> decide(TrainingStaff who, long registrationId, Decision decision) {
        return repository.byId(registrationId)
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("报名")))
                .flatMap(r -> trainings.seriesRunBy(who, r.seriesId())
                        .onErrorMap(ApiProblem.class, e -> ApiProblem.notFound("报名"))
                        .flatMap(series -> tx.transactional(repository.lockSettings(r.seriesId())
                                .flatMap(settings -> decision.apply(r, series, settings)))))
                .then(Mono.defer(() -> repository.byId(registrationId)))
                .flatMap(this::row);
    }

    private Mono<Void> move(Registration r, RegistrationState to, String reason) {
        return repository.move(r.id(), List.of(RegistrationState.PENDING), to, reason, clock.instant())
                .flatMap(rows -> rows == 1 ? Mono.<Void>empty() : Mono.error(new ApiProblem(HttpStatus.CONFLICT,
                        "registration-state", "报名" + r.state().label() + "，只能审核待审核的报名")));
    }

    Mono<Row> row(Registration r) {
        Mono<Long> position = r.state() == RegistrationState.WAITLISTED ? repository.position(r) : Mono.empty();
        return position.defaultIfEmpty(-1L).map(p -> new Row(r.id(), r.userId(), r.name(), r.state(), r.state().label(),
                p < 0 ? null : p, r.company(), r.jobTitle(), Phones.mask(r.phone()), r.reason(), r.queuedAt(),
                r.decidedAt()));
    }

    private Mono<Settings> view(long seriesId) {
        return repository.settings(seriesId).defaultIfEmpty(RegistrationSettings.defaults(seriesId))
                .zipWith(repository.counts(seriesId), Settings::of);
    }

    /** Rules across fields: CAPACITY needs a capacity, OPEN takes none. */
    private static void check(SettingsRequest r) {
        List<FieldProblem> problems = new ArrayList<>();
        if (r.mode() == RegistrationMode.CAPACITY && r.capacity() == null) {
            problems.add(new FieldProblem("capacity", "限额报名需填写名额"));
        }
        if (r.mode() == RegistrationMode.OPEN && r.capacity() != null) {
            problems.add(new FieldProblem("capacity", "开放报名不设名额"));
        }
        if (!problems.isEmpty()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "validation", "请求参数有误", problems);
        }
    }
}
