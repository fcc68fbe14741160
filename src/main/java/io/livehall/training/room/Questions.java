package io.livehall.training.room;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.livehall.common.error.ApiProblem;
import io.livehall.common.ratelimit.FixedWindowCounter;
import io.livehall.common.redis.RedisKeys;
import io.livehall.training.TrainingDestinations;
import io.livehall.training.TrainingSessions;
import io.livehall.training.TrainingStaff;
import io.livehall.training.room.QuestionRepository.Question;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Q&A of a training room. Signed-in viewers ask while the session is live (rate-limited, not when banned) and upvote
 * (one vote per user per question, by the primary key of {@code training_question_vote}; a repeat changes nothing;
 * a vote may be taken back). The series' organiser answers, pins (one at a time), hides. Every change marks the room's
 * {@code /topic/training/{id}/qa} dirty ({@link RoomSnapshots}); the snapshot is read from PostgreSQL. Attendance reads
 * {@link #countFor(long)} and {@link #countFor(long, long)}.
 */
@Service
public class Questions {

    static final int SNAPSHOT_SIZE = 50;
    private static final String TOPIC = "qa";

    /** The {@code /topic/training/{id}/qa} payload and the answer of {@code GET .../qa}. */
    record Snapshot(long sessionId, long total, long answered, List<QuestionView> questions) {
    }

    /**
     * A question as viewers see it (no account id: viewers ban nobody). Kept small, as the snapshot of 50 goes to every
     * viewer up to twice a second: {@code answer} is left out while there is none, {@code at} is to the second.
     */
    record QuestionView(long id, String name, String text, int votes, boolean pinned, boolean answered,
                        @JsonInclude(JsonInclude.Include.NON_NULL) String answer, Instant at) {
        static QuestionView of(Question q) {
            return new QuestionView(q.id(), q.name(), q.text(), q.votes(), q.pinned(), q.answeredAt() != null, q.answer(),
                    q.createdAt().truncatedTo(ChronoUnit.SECONDS));
        }
    }

    /** What {@code GET .../qa/mine} answers: the questions I voted for, and mine (hidden ones too, marked). */
    record Mine(List<Long> votes, List<Question> questions) {
    }

    private final QuestionRepository repository;
    private final RoomGuards guards;
    private final TrainingSessions sessions;
    private final RoomSnapshots snapshots;
    private final FixedWindowCounter counter;
    private final TransactionalOperator tx;
    private final TrainingRoomSettings settings;
    private final Clock clock;

    Questions(QuestionRepository repository, RoomGuards guards, TrainingSessions sessions, RoomSnapshots snapshots,
              FixedWindowCounter counter, TransactionalOperator tx, TrainingRoomSettings settings, Clock clock) {
        this.repository = repository;
        this.guards = guards;
        this.sessions = sessions;
        this.snapshots = snapshots;
        this.counter = counter;
        this.tx = tx;
        this.settings = settings;
        this.clock = clock;
        snapshots.register(TOPIC, TrainingDestinations.QA, this::snapshot);
    }

    /** How many questions were asked in a session (hidden ones included). */
    public Mono<Long> countFor(long sessionId) {
        return repository.count(sessionId);
    }

    /** How many questions each asker asked in a session, by user id (attendance; hidden ones included). */
    public Mono<java.util.Map<Long, Long>> countsByUser(long sessionId) {
        return repository.countsByUser(sessionId).collectMap(c -> c[0], c -> c[1]);
    }

    /** How many questions a user asked in a session (hidden ones included). */
    public Mono<Long> countFor(long sessionId, long userId) {
        return repository.count(sessionId, userId);
    }

    Mono<Snapshot> snapshot(long sessionId) {
        return repository.totals(sessionId).zipWith(repository.ranked(sessionId, SNAPSHOT_SIZE, false)
                        .map(QuestionView::of).collectList())
                .map(t -> new Snapshot(sessionId, t.getT1()[0], t.getT1()[1], t.getT2()));
    }

    Mono<Snapshot> publicSnapshot(long sessionId) {
        return guards.session(sessionId).then(snapshot(sessionId));
    }

    Mono<Mine> mine(long sessionId, long userId) {
        return guards.session(sessionId)
                .then(repository.votedBy(sessionId, userId).collectList())
                .zipWith(repository.byUser(sessionId, userId).collectList(), Mine::new);
    }

    Mono<Question> ask(long sessionId, long userId, String text) {
        return guards.live(sessionId)
                .flatMap(s -> guards.notBanned(s, userId))
                .flatMap(s -> counter.hit(RedisKeys.of("ratelimit", userId, "training-ask"), settings.window())
                        .flatMap(hits -> hits > settings.questionsPerWindow()
                                ? Mono.error(new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "提问太频繁，请稍后再试"))
                                : repository.insert(sessionId, userId, text.strip(), clock.instant())))
                .flatMap(id -> repository.find(sessionId, id))
                .doOnNext(q -> snapshots.changed(TOPIC, sessionId));
    }

    /** Upvotes (or, with {@code up} false, takes the vote back); answers the question's count now. */
    Mono<QuestionView> vote(long sessionId, long questionId, long userId, boolean up) {
        return guards.live(sessionId)
                .then(visible(sessionId, questionId))
                .flatMap(q -> up ? repository.vote(questionId, userId) : repository.unvote(questionId, userId))
                .doOnNext(changed -> {
                    if (changed) {
                        snapshots.changed(TOPIC, sessionId);
                    }
                })
                .then(repository.find(sessionId, questionId)).map(QuestionView::of);
    }

    // ---- the series' organiser (and admins)

    Mono<List<Question>> all(TrainingStaff who, long sessionId) {
        return sessions.runBy(who, sessionId).thenMany(repository.ranked(sessionId, 200, true)).collectList();
    }

    Mono<Question> answer(TrainingStaff who, long sessionId, long questionId, String answer) {
        String text = answer == null || answer.isBlank() ? null : answer.strip();
        return moderate(who, sessionId, questionId, q -> repository.answer(questionId, text, clock.instant()).then());
    }

    Mono<Question> pin(TrainingStaff who, long sessionId, long questionId, boolean pinned) {
        return moderate(who, sessionId, questionId, q -> pinned
                ? tx.transactional(repository.pin(sessionId, questionId))
                        // two moderators pinning at once: the unique index keeps one, the other is told
                        .onErrorMap(DataIntegrityViolationException.class, e -> new ApiProblem(HttpStatus.CONFLICT,
                                "pin-conflict", "刚有另一个问题被置顶，请刷新后重试"))
                : repository.unpin(questionId));
    }

    Mono<Question> hide(TrainingStaff who, long sessionId, long questionId, boolean hidden) {
        return moderate(who, sessionId, questionId, q -> repository.hide(questionId, hidden));
    }

    private Mono<Question> moderate(TrainingStaff who, long sessionId, long questionId,
                                    java.util.function.Function<Question, Mono<Void>> change) {
        return sessions.runBy(who, sessionId)
                .then(repository.find(sessionId, questionId))
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("问题")))
                .flatMap(change)
                .then(Mono.fromRunnable(() -> snapshots.changed(TOPIC, sessionId)))
                .then(repository.find(sessionId, questionId));
    }

    private Mono<Question> visible(long sessionId, long questionId) {
        return repository.find(sessionId, questionId).filter(q -> !q.hidden())
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("问题")));
    }
}
