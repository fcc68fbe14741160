package io.livehall.training;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.livehall.common.error.ApiProblem;
import io.livehall.common.error.FieldProblem;
import io.livehall.common.events.AfterCommit;
import io.livehall.common.files.FilePurpose;
import io.livehall.common.files.FileStorage;
import io.livehall.common.paging.Page;
import io.livehall.common.paging.PageRequest;
import io.livehall.training.TrainingViews.SeriesCard;
import io.livehall.training.TrainingViews.SeriesDetail;
import io.livehall.training.TrainingViews.SessionDetail;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The organiser's side of trainings: series and their sessions, materials, and a session's way scheduled → live →
 * ended. An organiser touches only series they created (someone else's answers 404, as if it did not exist); an
 * admin may touch any. State changes are conditional updates, so a repeated or raced change answers 409; open
 * session pages learn of a change after the commit.
 */
@Service
class TrainingService {

    static final Duration HORIZON = Duration.ofDays(365);

    private final TrainingRepository repository;
    private final TrainingQueries queries;
    private final TrainingRoomType room;
    private final FileStorage files;
    private final TransactionalOperator tx;
    private final AfterCommit afterCommit;
    private final Clock clock;
    /** looked up when a transition commits: listeners may themselves use TrainingSessions (which uses this service) */
    private final ObjectProvider<TrainingSessionListener> listeners;

    TrainingService(TrainingRepository repository, TrainingQueries queries, TrainingRoomType room, FileStorage files,
                    TransactionalOperator tx, AfterCommit afterCommit, Clock clock,
                    ObjectProvider<TrainingSessionListener> listeners) {
        this.listeners = listeners;
        this.repository = repository;
        this.queries = queries;
        this.room = room;
        this.files = files;
        this.tx = tx;
        this.afterCommit = afterCommit;
        this.clock = clock;
    }

    Mono<Page<SeriesCard>> mine(TrainingStaff who, PageRequest page) {
        return queries.list(page, null, null, null, who.admin() ? null : who.userId());
    }

    Mono<SeriesDetail> series(TrainingStaff who, long id) {
        return own(who, id).flatMap(queries::detail);
    }

    Mono<SeriesDetail> createSeries(TrainingStaff who, SeriesRequest r) {
        return checkCover(r).then(repository.insertSeries(who.userId(), r))
                .flatMap(repository::series).flatMap(queries::detail);
    }

    Mono<SeriesDetail> editSeries(TrainingStaff who, long id, SeriesRequest r) {
        return own(who, id).flatMap(s -> checkCover(r).then(repository.updateSeries(id, r)))
                .then(Mono.defer(() -> repository.series(id))).flatMap(queries::detail);
    }

    Mono<SessionDetail> session(TrainingStaff who, long id) {
        return ownSession(who, id).flatMap(queries::detail);
    }

    Mono<SessionDetail> addSession(TrainingStaff who, long seriesId, SessionRequest r) {
        return own(who, seriesId)
                .flatMap(s -> checkSession(who, r, true, null))
                .then(Mono.defer(() -> tx.transactional(repository.insertSession(seriesId, r)
                        .flatMap(id -> repository.replaceMaterials(id, r.materials()).thenReturn(id)))))
                .flatMap(repository::session).flatMap(queries::detail);
    }

    Mono<SessionDetail> editSession(TrainingStaff who, long id, SessionRequest r) {
        return ownSession(who, id)
                .flatMap(s -> s.status() == TrainingStatus.SCHEDULED ? Mono.just(s) : conflict(s, "修改"))
                .flatMap(s -> checkSession(who, r, !r.startsAt().equals(s.startsAt()), s.streamUrl()).thenReturn(s))
                .flatMap(s -> tx.transactional(repository.updateSession(id, r)
                        .flatMap(rows -> rows == 1 ? repository.replaceMaterials(id, r.materials()) : refusal(who, id, "修改"))))
                .then(Mono.defer(() -> repository.session(id))).flatMap(queries::detail);
    }

    Mono<SessionDetail> start(TrainingStaff who, long id) {
        return move(who, id, TrainingStatus.SCHEDULED, TrainingStatus.LIVE, "开始直播");
    }

    Mono<SessionDetail> end(TrainingStaff who, long id) {
        return move(who, id, TrainingStatus.LIVE, TrainingStatus.ENDED, "结束直播");
    }

    /** ENDED → REPLAY_AVAILABLE, for the replay feature once a replay is set. */
    Mono<TrainingSession> replayAvailable(TrainingStaff who, long id) {
        return transition(who, id, TrainingStatus.ENDED, TrainingStatus.REPLAY_AVAILABLE, "设为可回看");
    }

    private Mono<SessionDetail> move(TrainingStaff who, long id, TrainingStatus from, TrainingStatus to, String action) {
        return transition(who, id, from, to, action).flatMap(queries::detail);
    }

    /** A conditional move; after the commit open pages and the training features ({@link TrainingSessionListener}) hear of it. */
    private Mono<TrainingSession> transition(TrainingStaff who, long id, TrainingStatus from, TrainingStatus to, String action) {
        return ownSession(who, id)
                .flatMap(s -> repository.transition(id, from, to))
                .flatMap(rows -> rows == 1 ? repository.session(id) : refusal(who, id, action))
                .flatMap(s -> afterCommit.run("training-status", () -> room.changed(s)
                        .then(Flux.fromStream(listeners::orderedStream).concatMap(l -> l.changed(s)).then())).thenReturn(s));
    }

    /** The cover is an uploaded image. */
    private Mono<Void> checkCover(SeriesRequest r) {
        if (r.coverFileId() == null) {
            return Mono.empty();
        }
        return files.describe(r.coverFileId()).map(f -> f.purpose() == FilePurpose.IMAGE).defaultIfEmpty(false)
                .flatMap(ok -> ok ? Mono.<Void>empty() : Mono.error(invalid(List.of(new FieldProblem("coverFileId", "封面需为已上传的图片")))));
    }

    /**
     * The stream is a full address (a path on the platform's own host only where the session already has it); the
     * start lies within a year (and, when it is set or moved, in the future); materials are files the organiser
     * uploaded (an admin may attach anyone's), each once. All failures together as one 400.
     */
    private Mono<Void> checkSession(TrainingStaff who, SessionRequest r, boolean newStart, String currentUrl) {
        List<FieldProblem> problems = new ArrayList<>();
        if (r.streamIsPath() && !r.streamUrl().strip().equals(currentUrl)) {
            problems.add(new FieldProblem("streamUrl", SessionRequest.URL_RULE));
        }
        if (newStart && !r.startsAt().isAfter(clock.instant())) {
            problems.add(new FieldProblem("startsAt", "开始时间需晚于现在"));
        } else if (r.startsAt().isAfter(clock.instant().plus(HORIZON))) {
            problems.add(new FieldProblem("startsAt", "开始时间需在一年以内"));
        }
        List<Long> ids = r.materials();
        Set<Long> seen = new HashSet<>();
        return Flux.range(0, ids.size()).concatMap(i -> {
                    Long fileId = ids.get(i);
                    String field = "materialFileIds[" + i + "]";
                    if (!seen.add(fileId)) {
                        return Mono.just(new FieldProblem(field, "资料重复"));
                    }
                    return files.describe(fileId)
                            .filter(f -> who.admin() || f.ownerId() == who.userId())
                            .hasElement()
                            .flatMap(ok -> ok ? Mono.<FieldProblem>empty()
                                    : Mono.just(new FieldProblem(field, "资料需为您已上传的文件")));
                })
                .collectList()
                .flatMap(fileProblems -> {
                    problems.addAll(fileProblems);
                    return problems.isEmpty() ? Mono.<Void>empty() : Mono.error(invalid(problems));
                });
    }

    private static ApiProblem invalid(List<FieldProblem> problems) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "validation", "请求参数有误", problems);
    }

    /** The organiser's series; 404 when there is none or it is someone else's. */
    Mono<TrainingSeries> own(TrainingStaff who, long id) {
        return repository.series(id).filter(s -> who.admin() || s.organiserId() == who.userId())
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("培训系列")));
    }

    Mono<TrainingSession> ownSession(TrainingStaff who, long id) {
        return repository.session(id).filter(s -> who.admin() || s.organiserId() == who.userId())
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("培训课程")));
    }

    /** Why a conditional update changed nothing: 404 (none, or not theirs) or 409 (wrong state). */
    private <T> Mono<T> refusal(TrainingStaff who, long id, String action) {
        return ownSession(who, id).flatMap(s -> conflict(s, action));
    }

    private static <T> Mono<T> conflict(TrainingSession s, String action) {
        return Mono.error(new ApiProblem(HttpStatus.CONFLICT, "training-session-state",
                "课程" + s.status().label() + "，不能" + action));
    }
}
