package io.livehall.training.room;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.livehall.common.tally.Measure;
import io.livehall.common.tally.Tally;
import io.livehall.common.error.ApiProblem;
import io.livehall.training.TrainingDestinations;
import io.livehall.training.TrainingSessions;
import io.livehall.training.TrainingStaff;
import io.livehall.training.TrainingStatus;
import io.livehall.training.room.CheckInRepository.CheckIn;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Check-in during a live: the series' organiser starts one (a random 4-digit code from {@link SecureRandom}, a window
 * of 1–30 minutes); the code is shown on the organiser's console only, viewers see the window and the count on
 * {@code /topic/training/{id}/checkin} and enter the code. A wrong code is a 400 with the attempts left (5 per user
 * per check-in, then 429); after the window a 409; a success is recorded once (a repeat answers the same). Attendance
 * reads {@link #countsFor(long)} and {@link #checkedIn(long, long)}.
 */
@Service
public class CheckIns {

    static final int DEFAULT_MINUTES = 5;
    private static final String TOPIC = "checkin";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** One check-in of a session and how many checked in: what attendance reads. */
    public record CheckInCount(long checkInId, Instant opensAt, Instant closesAt, long count) {
    }

    /** The {@code /topic/training/{id}/checkin} payload: the latest check-in's window and count, never its code. */
    record State(long sessionId, Long checkInId, Instant opensAt, Instant closesAt, long count) {
    }

    /** What a viewer gets: the state and whether (and when) they checked in to the latest check-in. */
    record MyCheckIn(State state, Instant checkedInAt) {
    }

    /** What the organiser's console gets: every check-in, with its code. */
    record Console(List<CheckIn> checkIns, Instant now) {
    }

    private final CheckInRepository repository;
    private final RoomGuards guards;
    private final TrainingSessions sessions;
    private final RoomSnapshots snapshots;
    private final TransactionalOperator tx;
    private final TrainingRoomSettings settings;
    private final Clock clock;
    private final Tally tally;

    CheckIns(CheckInRepository repository, RoomGuards guards, TrainingSessions sessions, RoomSnapshots snapshots,
             TransactionalOperator tx, TrainingRoomSettings settings, Clock clock, Tally tally) {
        this.tally = tally;
        this.repository = repository;
        this.guards = guards;
        this.sessions = sessions;
        this.snapshots = snapshots;
        this.tx = tx;
        this.settings = settings;
        this.clock = clock;
        snapshots.register(TOPIC, TrainingDestinations.CHECKIN, this::state);
    }

    /** The session's check-ins with how many checked in to each, in time order. */
    public Mono<List<CheckInCount>> countsFor(long sessionId) {
        return repository.of(sessionId).map(c -> new CheckInCount(c.id(), c.opensAt(), c.closesAt(), c.count())).collectList();
    }

    /**
     * Check-ins recorded in every series ({@code all}) or in the given ones, summed over their sessions and check-ins
     * (a person checking in to two check-ins counts twice, as {@link #countsFor} does): one query whatever their number.
     */
    public Mono<Long> recordedIn(boolean all, List<Long> seriesIds) {
        return repository.recordedIn(all, seriesIds);
    }

    /** Everyone who checked in to at least one of the session's check-ins (attendance). */
    public Mono<java.util.Set<Long>> usersCheckedIn(long sessionId) {
        return repository.usersCheckedIn(sessionId).collect(java.util.stream.Collectors.toSet());
    }

    /** The ids of the session's check-ins the user checked in to. */
    public Mono<List<Long>> checkedIn(long sessionId, long userId) {
        return repository.checkInsOf(sessionId, userId).collectList();
    }

    Mono<State> state(long sessionId) {
        return repository.latest(sessionId)
                .map(c -> new State(sessionId, c.id(), c.opensAt(), c.closesAt(), c.count()))
                .defaultIfEmpty(new State(sessionId, null, null, null, 0));
    }

    Mono<MyCheckIn> mine(long sessionId, Long userId) {
        return guards.session(sessionId).then(state(sessionId)).flatMap(state -> userId == null || state.checkInId() == null
                ? Mono.just(new MyCheckIn(state, null))
                : repository.checkedIn(state.checkInId(), userId).map(at -> new MyCheckIn(state, at))
                        .defaultIfEmpty(new MyCheckIn(state, null)));
    }

    Mono<MyCheckIn> checkIn(long sessionId, long userId, String code) {
        return guards.session(sessionId)
                .then(repository.latest(sessionId))
                .switchIfEmpty(Mono.error(() -> new ApiProblem(HttpStatus.CONFLICT, "no-checkin", "签到未开始")))
                .flatMap(c -> repository.checkedIn(c.id(), userId)
                        .map(at -> Mono.just(at))
                        .defaultIfEmpty(Mono.defer(() -> attempt(c, userId, code)))
                        .flatMap(m -> m))
                .flatMap(at -> mine(sessionId, userId));
    }

    private Mono<Instant> attempt(CheckIn c, long userId, String code) {
        Instant now = clock.instant();
        if (!now.isBefore(c.closesAt())) {
            return Mono.error(new ApiProblem(HttpStatus.CONFLICT, "checkin-ended", "签到已结束"));
        }
        int max = settings.checkInWrongCodes();
        return repository.wrongCodes(c.id(), userId).flatMap(wrong -> {
            if (wrong >= max) {
                return Mono.error(new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, "checkin-locked", "签到码错误次数过多，本次签到已无法参与"));
            }
            if (c.code().equals(code)) {
                return repository.record(c.id(), userId, now).doOnNext(at -> snapshots.changed(TOPIC, c.sessionId()))
                        // the organisers' dashboard counts the check-in once: only the request whose row went in
                        .flatMap(at -> Math.abs(Duration.between(at, now).toNanos()) >= 1_000 ? Mono.just(at) : sessions.find(c.sessionId())
                                .flatMap(s -> tally.add(Tally.training(s.seriesId()), java.util.Map.of(Measure.CHECK_INS, 1L)))
                                .thenReturn(at));
            }
            return repository.addWrongCode(c.id(), userId, max).flatMap(n -> {
                ApiProblem problem = new ApiProblem(HttpStatus.BAD_REQUEST, "wrong-code",
                        n >= max ? "签到码错误，已无剩余尝试次数" : "签到码错误，还可尝试 " + (max - n) + " 次");
                problem.getBody().setProperty("remainingAttempts", Math.max(0, max - n));
                return Mono.error(problem);
            });
        });
    }

    // ---- the series' organiser (and admins)

    Mono<Console> console(TrainingStaff who, long sessionId) {
        return sessions.runBy(who, sessionId).thenMany(repository.of(sessionId)).collectList()
                .map(list -> new Console(list, clock.instant()));
    }

    Mono<CheckIn> start(TrainingStaff who, long sessionId, Integer minutes) {
        int window = minutes == null ? DEFAULT_MINUTES : minutes;
        return sessions.runBy(who, sessionId)
                .flatMap(s -> s.status() == TrainingStatus.LIVE ? Mono.just(s)
                        : Mono.error(new ApiProblem(HttpStatus.CONFLICT, "not-live", "直播中才能发起签到")))
                .flatMap(s -> tx.transactional(repository.lockSession(sessionId)
                        .then(repository.latest(sessionId))
                        .filter(c -> clock.instant().isBefore(c.closesAt()))
                        .flatMap(running -> Mono.<Long>error(new ApiProblem(HttpStatus.CONFLICT, "checkin-running",
                                "已有进行中的签到，请等它结束")))
                        .switchIfEmpty(Mono.defer(() -> {
                            Instant now = clock.instant();
                            return repository.insert(sessionId, code(), now, now.plus(Duration.ofMinutes(window)), who.userId());
                        }))))
                .flatMap(id -> repository.latest(sessionId))
                .doOnNext(c -> snapshots.changed(TOPIC, sessionId));
    }

    private static String code() {
        return String.format("%04d", RANDOM.nextInt(10_000));
    }
}
