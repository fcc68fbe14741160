package io.livehall.training.replay;

import java.time.Duration;
import java.time.Instant;
import java.time.Clock;
import java.util.UUID;

import io.livehall.common.error.ApiProblem;
import io.livehall.common.ratelimit.FixedWindowCounter;
import io.livehall.common.redis.RedisKeys;
import io.livehall.training.TrainingSession;
import io.livehall.training.TrainingSessions;
import io.livehall.training.TrainingStatus;
import io.livehall.training.replay.ReplayViews.HeartbeatResult;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Replay watching, counted apart from the live audience and kept in PostgreSQL. The replay player sends a heartbeat
 * every 15 s of playing with the id it made for the play; each counted heartbeat adds 15 s to that play. A heartbeat
 * counts only
 * <ul>
 *   <li>once per play and 15-s slot of server time (the heartbeat slot key: repeats and retries never count twice),</li>
 *   <li>once per viewer per ~10 s across all their plays (two tabs do not watch twice as long), and</li>
 *   <li>for viewers, not for the series' organiser or admins (as with the live audience).</li>
 * </ul>
 * Both checks are conditional writes in one transaction, so a heartbeat refused by the second gives back the first.
 * The figures and each user's replay seconds are public methods for attendance.
 */
@Service
public class ReplayWatch {

    /** Why a heartbeat did not count, thrown inside the transaction to roll back the viewer's turn. */
    private static final class NotCounted extends RuntimeException {
        NotCounted() {
            super(null, null, false, false);
        }
    }

    private final ReplayRepository repository;
    private final TrainingSessions sessions;
    private final FixedWindowCounter counter;
    private final TransactionalOperator tx;
    private final Clock clock;
    private final ReplaySettings settings;

    ReplayWatch(ReplayRepository repository, TrainingSessions sessions, FixedWindowCounter counter,
                TransactionalOperator tx, Clock clock, ReplaySettings settings) {
        this.repository = repository;
        this.sessions = sessions;
        this.counter = counter;
        this.tx = tx;
        this.clock = clock;
        this.settings = settings;
    }

    /** 回看人次, unique replay viewers and replay watch seconds of a session (zeros when nobody watched). */
    public Mono<ReplayFigures> figures(long sessionId) {
        return repository.figures(sessionId).defaultIfEmpty(ReplayFigures.NONE);
    }

    /** Each logged-in user's replay watch seconds of a session (guests are left out), by user id. */
    public Flux<UserSeconds> secondsByUser(long sessionId) {
        return repository.secondsByUser(sessionId);
    }

    /** One logged-in user's replay watch seconds of a session (0 when they did not watch it). */
    public Mono<Long> secondsOf(long sessionId, long userId) {
        return repository.secondsOf(sessionId, userId).defaultIfEmpty(0L);
    }

    /**
     * A heartbeat of {@code viewer} ({@code u:<id>} or a signed guest id; {@code userId} null for guests): 404 no such
     * session, 409 no replay to watch, 429 a flood; otherwise whether it counted and the figures now.
     */
    Mono<HeartbeatResult> heartbeat(long sessionId, Viewer viewer, UUID viewId, int position) {
        return sessions.find(sessionId)
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("培训课程")))
                .flatMap(session -> session.status() == TrainingStatus.REPLAY_AVAILABLE ? Mono.just(session)
                        : Mono.error(new ApiProblem(HttpStatus.CONFLICT, "training-replay-unavailable", "本课程暂无回放")))
                .flatMap(session -> flood(viewer).thenReturn(session))
                .flatMap(session -> staff(session, viewer) ? Mono.just(false) : count(sessionId, viewer, viewId, position))
                .flatMap(counted -> figures(sessionId).map(f -> new HeartbeatResult(counted, f)));
    }

    private Mono<Boolean> count(long sessionId, Viewer viewer, UUID viewId, int position) {
        Instant now = clock.instant();
        long slot = Math.floorDiv(now.toEpochMilli(), settings.slot().toMillis());
        int seconds = (int) settings.slot().toSeconds();
        Mono<Boolean> both = repository.takeTurn(sessionId, viewer.key(), now, now.minus(settings.minGap()))
                .filter(Boolean::booleanValue)
                .flatMap(turn -> repository.count(viewId, sessionId, viewer.key(), viewer.userId(), slot, position,
                        seconds, now))
                .flatMap(counted -> counted ? Mono.just(true) : Mono.error(new NotCounted()))
                .defaultIfEmpty(false);
        return tx.transactional(both).onErrorResume(NotCounted.class, e -> Mono.just(false));
    }

    /** A viewer sending far more than a player would: 429 (checked in Redis, before any SQL). */
    private Mono<Void> flood(Viewer viewer) {
        return counter.hit(RedisKeys.of("replay-heartbeat", viewer.key(), "rate"), Duration.ofMinutes(1), 1)
                .flatMap(window -> {
                    if (window.hits() <= settings.perMinute()) {
                        return Mono.empty();
                    }
                    return Mono.error(ApiProblem.tooManyRequests("replay-heartbeat-rate-limited",
                            "请求过于频繁，请稍后再试", window.endsIn()));
                });
    }

    /** The series' organiser and admins run the replay rather than watch it. */
    private static boolean staff(TrainingSession session, Viewer viewer) {
        return viewer.admin() || (viewer.userId() != null && viewer.userId() == session.organiserId());
    }

    /** Who sends a heartbeat: a user ({@code u:<id>}) or a signed guest ({@code guest-…}). */
    record Viewer(String key, Long userId, boolean admin) {

        static Viewer user(long id, boolean admin) {
            return new Viewer("u:" + id, id, admin);
        }

        static Viewer guest(String guestId) {
            return new Viewer(guestId, null, false);
        }
    }
}
