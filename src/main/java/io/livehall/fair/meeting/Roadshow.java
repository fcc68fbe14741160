package io.livehall.fair.meeting;

import java.time.Clock;
import java.util.List;

import io.livehall.common.error.ApiProblem;
import io.livehall.common.error.FieldProblem;
import io.livehall.common.notification.Notification;
import io.livehall.fair.Fair;
import io.livehall.fair.FairDestinations;
import io.livehall.fair.FairKind;
import io.livehall.fair.FairStaff;
import io.livehall.fair.Fairs;
import io.livehall.fair.Participant;
import io.livehall.fair.ParticipantRole;
import io.livehall.fair.meeting.RoadshowRepository.Project;
import io.livehall.fair.meeting.RoadshowRepository.Question;
import io.livehall.notification.NotificationCentre;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * The roadshow room of a financing fair (kind ROADSHOW): the stream and the project pitching now (the organisers
 * switch among the approved PROJECT participants), investor Q&A (ask, upvote once, the project or the organisers
 * mark answered) and 感兴趣 (an INVESTOR participant's interest in a project: once, which tells the project's contact
 * once). Open to the fair's approved participants and its organisers; the stage and Q&A topics are coalesced snapshots.
 */
@Service
class Roadshow {

    static final String STAGE = "stage";
    static final String QA = "qa";
    static final int QUESTIONS = 100;

    /** {@code /topic/roadshow/{fairId}/stage}: the stream, the project now, every project with its 感兴趣 count. */
    record Stage(long fairId, String title, String streamUrl, Long currentProjectId, List<Project> projects) {
    }

    /** {@code /topic/roadshow/{fairId}/qa}: the questions, unanswered first, most upvoted first. */
    record Qa(long fairId, List<QuestionView> questions) {
    }

    record QuestionView(long id, long projectId, String asker, String text, int votes, boolean answered) {
        static QuestionView of(Question q) {
            return new QuestionView(q.id(), q.projectId(), q.asker(), q.text(), q.votes(), q.answeredAt() != null);
        }
    }

    /** What the room page loads: both snapshots and what is mine (role, participant, my votes and interests). */
    record Room(Stage stage, Qa qa, boolean organiser, Long participantId, ParticipantRole role, List<Long> votes,
                List<Long> interests) {
    }

    /** Who is in the room: an organiser (participant null) or an approved participant. */
    record Member(Fair fair, boolean organiser, Participant participant) {
    }

    private final Fairs fairs;
    private final RoadshowRepository repository;
    private final RoadshowSnapshots snapshots;
    private final NotificationCentre notifications;
    private final TransactionalOperator tx;
    private final Clock clock;

    Roadshow(Fairs fairs, RoadshowRepository repository, RoadshowSnapshots snapshots, NotificationCentre notifications,
             TransactionalOperator tx, Clock clock) {
        this.fairs = fairs;
        this.repository = repository;
        this.snapshots = snapshots;
        this.notifications = notifications;
        this.tx = tx;
        this.clock = clock;
        snapshots.register(STAGE, FairDestinations.ROADSHOW_STAGE, this::stage);
        snapshots.register(QA, FairDestinations.ROADSHOW_QA, this::qa);
    }

    /** The member of a roadshow fair's room: its organisers (admins) or approved participants; 404 / 403 otherwise. */
    Mono<Member> member(long fairId, FairStaff who) {
        return fairs.visibleTo(fairId, who)
                .filter(fair -> fair.kind() == FairKind.ROADSHOW)
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("路演")))
                .flatMap(fair -> fairs.runs(who, fairId).flatMap(runs -> runs ? Mono.just(new Member(fair, true, null))
                        : fairs.approvedParticipantOf(fairId, who.userId()).map(p -> new Member(fair, false, p))));
    }

    /** Whether the account may enter the room (the topics' guard); never fails. */
    Mono<Boolean> admits(long fairId, FairStaff who) {
        return member(fairId, who).hasElement().onErrorReturn(false);
    }

    Mono<Stage> stage(long fairId) {
        return fairs.find(fairId).flatMap(fair -> repository.setup(fairId).zipWith(repository.projects(fairId).collectList(),
                (setup, projects) -> new Stage(fairId, fair.title(), setup.streamUrl(), setup.currentId(), projects)));
    }

    Mono<Qa> qa(long fairId) {
        return repository.questions(fairId, QUESTIONS).map(QuestionView::of).collectList().map(q -> new Qa(fairId, q));
    }

    Mono<Room> room(long fairId, FairStaff who) {
        return member(fairId, who).flatMap(m -> Mono.zip(stage(fairId), qa(fairId),
                        repository.votedBy(fairId, who.userId()).collectList(),
                        m.participant() == null ? Mono.just(List.<Long>of())
                                : repository.interestsOf(m.participant().id()).collectList())
                .map(t -> new Room(t.getT1(), t.getT2(), m.organiser(),
                        m.participant() == null ? null : m.participant().id(),
                        m.participant() == null ? null : m.participant().role(), t.getT3(), t.getT4())));
    }

    Mono<QuestionView> ask(long fairId, FairStaff who, Long projectId, String text) {
        return member(fairId, who).flatMap(m -> {
            if (m.participant() == null) {
                return Mono.<QuestionView>error(new ApiProblem(HttpStatus.FORBIDDEN, "roadshow-participants-ask",
                        "提问请使用参会企业的账号"));
            }
            Mono<Long> target = projectId != null ? Mono.just(projectId)
                    : repository.setup(fairId).mapNotNull(RoadshowRepository.Setup::currentId)
                            .switchIfEmpty(Mono.error(() -> new ApiProblem(HttpStatus.BAD_REQUEST, "validation",
                                    "请选择提问的项目", List.of(new FieldProblem("projectId", "请选择提问的项目")))));
            return target.flatMap(id -> project(fairId, id))
                    .flatMap(p -> repository.ask(fairId, p.participantId(), who.userId(), m.participant().enterpriseName(),
                            text.strip(), clock.instant()))
                    .flatMap((Long id) -> repository.question(fairId, id))
                    .map(QuestionView::of)
                    .doOnNext(q -> snapshots.changed(QA, fairId));
        });
    }

    Mono<QuestionView> vote(long fairId, FairStaff who, long questionId) {
        return member(fairId, who).then(repository.question(fairId, questionId))
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("问题")))
                .flatMap(q -> repository.vote(q.id(), who.userId()))
                .doOnNext(counted -> snapshots.changed(QA, fairId))
                .then(repository.question(fairId, questionId)).map(QuestionView::of);
    }

    /** The project asked (its contact's enterprise) or an organiser marks a question answered. */
    Mono<QuestionView> answered(long fairId, FairStaff who, long questionId) {
        return member(fairId, who).flatMap(m -> repository.question(fairId, questionId)
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("问题")))
                .flatMap(q -> {
                    if (!m.organiser() && m.participant().id() != q.projectId()) {
                        return Mono.error(new ApiProblem(HttpStatus.FORBIDDEN, "roadshow-not-project",
                                "只有被提问的项目方或主办方可以标记已答复"));
                    }
                    return repository.answered(q.id(), clock.instant());
                })
                .then(repository.question(fairId, questionId)).map(QuestionView::of)
                .doOnNext(q -> snapshots.changed(QA, fairId)));
    }

    /** An investor's 感兴趣 in a project: the first one tells the project's contact; answers the project's count. */
    Mono<Project> interest(long fairId, FairStaff who, long projectId) {
        return member(fairId, who).flatMap(m -> {
            if (m.participant() == null || m.participant().role() != ParticipantRole.INVESTOR) {
                return Mono.error(new ApiProblem(HttpStatus.FORBIDDEN, "roadshow-investors-only", "只有投资机构可以标记感兴趣"));
            }
            return fairs.participant(projectId).filter(p -> p.fairId() == fairId && p.approved()
                            && p.role() == ParticipantRole.PROJECT)
                    .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("路演项目")))
                    .flatMap(project -> tx.transactional(repository.interest(projectId, m.participant().id(),
                                    who.userId(), clock.instant())
                            .flatMap(fresh -> !fresh ? Mono.<Void>empty()
                                    : notifications.notify(project.userId(), Notification.of("fair-roadshow-interest",
                                            m.participant().enterpriseName() + " 对你的路演项目感兴趣",
                                            "可在对接会中向对方发起洽谈", "/fairs/" + fairId + "/meetings", clock)))))
                    .then(Mono.fromRunnable(() -> snapshots.changed(STAGE, fairId)))
                    .then(project(fairId, projectId));
        });
    }

    // ---- the organisers

    Mono<Stage> setStream(long fairId, FairStaff who, String streamUrl) {
        return runsRoadshow(fairId, who)
                .then(repository.saveStream(fairId, streamUrl == null || streamUrl.isBlank() ? null : streamUrl.strip(),
                        clock.instant()))
                .then(Mono.fromRunnable(() -> snapshots.changed(STAGE, fairId)))
                .then(stage(fairId));
    }

    /** Switches the pitching project (null: none, between pitches). */
    Mono<Stage> setCurrent(long fairId, FairStaff who, Long projectId) {
        return runsRoadshow(fairId, who)
                .then(projectId == null ? Mono.empty() : project(fairId, projectId).then())
                .then(repository.saveCurrent(fairId, projectId, clock.instant()))
                .then(Mono.fromRunnable(() -> snapshots.changed(STAGE, fairId)))
                .then(stage(fairId));
    }

    private Mono<Fair> runsRoadshow(long fairId, FairStaff who) {
        return fairs.runBy(who, fairId).filter(fair -> fair.kind() == FairKind.ROADSHOW)
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("路演")));
    }

    private Mono<Project> project(long fairId, long projectId) {
        return repository.projects(fairId).filter(p -> p.participantId() == projectId).next()
                .switchIfEmpty(Mono.error(() -> new ApiProblem(HttpStatus.NOT_FOUND, "not-found", "路演项目不存在",
                        List.of(new FieldProblem("projectId", "请选择本场路演的项目")))));
    }
}
