package io.livehall.training.room;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import io.livehall.common.error.ApiProblem;
import io.livehall.common.error.FieldProblem;
import io.livehall.training.TrainingDestinations;
import io.livehall.training.TrainingSessions;
import io.livehall.training.TrainingStaff;
import io.livehall.training.TrainingStatus;
import io.livehall.training.room.PollRepository.Poll;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Polls of a training room: the series' organiser writes a poll (DRAFT), opens it while the session is live (one open
 * poll per session, a partial unique index), closes it; viewers vote once while it is open (the primary key of
 * {@code training_poll_vote}; a repeat answers the first vote). Results are counted from PostgreSQL for each
 * coalesced snapshot on {@code /topic/training/{id}/poll} (≤ 2/s per room), so there is no second copy to reconcile.
 * Closed polls keep their final results in the snapshot. A session that stops being live closes its open poll
 * ({@link PollsClosedAtTheEnd}).
 */
@Service
class Polls {

    static final String TOPIC = "poll";

    /** A poll with its results as everyone sees it. */
    record PollView(long id, String question, List<String> options, boolean multiple, String status, List<Long> counts,
                    long voters) {
    }

    /** The {@code /topic/training/{id}/poll} payload (opened polls, newest first). */
    record Snapshot(long sessionId, List<PollView> polls) {
    }

    /** What I chose, per poll of the session. */
    record MyVote(long pollId, List<Integer> choices) {
    }

    private final PollRepository repository;
    private final RoomGuards guards;
    private final TrainingSessions sessions;
    private final RoomSnapshots snapshots;
    private final Clock clock;

    Polls(PollRepository repository, RoomGuards guards, TrainingSessions sessions, RoomSnapshots snapshots, Clock clock) {
        this.repository = repository;
        this.guards = guards;
        this.sessions = sessions;
        this.snapshots = snapshots;
        this.clock = clock;
        snapshots.register(TOPIC, TrainingDestinations.POLL, id -> snapshot(id, true));
    }

    Mono<Snapshot> publicSnapshot(long sessionId) {
        return guards.session(sessionId).then(snapshot(sessionId, true));
    }

    Mono<List<MyVote>> mine(long sessionId, long userId) {
        return guards.session(sessionId).thenMany(repository.votesOf(sessionId, userId))
                .map(v -> new MyVote(v.pollId(), v.choices())).collectList();
    }

    Mono<MyVote> vote(long sessionId, long pollId, long userId, List<Integer> choices) {
        return repository.find(sessionId, pollId)
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("投票")))
                .flatMap(poll -> {
                    if (!poll.status().equals("OPEN")) {
                        return Mono.error(new ApiProblem(HttpStatus.CONFLICT, "poll-not-open", "投票未开始或已结束"));
                    }
                    List<Integer> valid = validChoices(poll, choices);
                    return repository.vote(pollId, userId, valid);
                })
                .doOnNext(v -> snapshots.changed(TOPIC, sessionId))
                .map(v -> new MyVote(pollId, v));
    }

    // ---- the series' organiser (and admins)

    Mono<Snapshot> all(TrainingStaff who, long sessionId) {
        return sessions.runBy(who, sessionId).then(snapshot(sessionId, false));
    }

    Mono<PollView> create(TrainingStaff who, long sessionId, String question, List<String> options, boolean multiple) {
        return sessions.runBy(who, sessionId)
                .then(repository.insert(sessionId, question.strip(), options.stream().map(String::strip).toList(), multiple))
                .flatMap(id -> view(sessionId, id));
    }

    Mono<PollView> open(TrainingStaff who, long sessionId, long pollId) {
        return sessions.runBy(who, sessionId)
                .flatMap(s -> s.status() == TrainingStatus.LIVE ? Mono.just(s)
                        : Mono.error(new ApiProblem(HttpStatus.CONFLICT, "not-live", "直播中才能发起投票")))
                .then(move(sessionId, pollId, "DRAFT", "OPEN", "只有草稿状态的投票可以发起"))
                .onErrorMap(DataIntegrityViolationException.class, e -> new ApiProblem(HttpStatus.CONFLICT,
                        "poll-already-open", "已有进行中的投票，请先结束它"));
    }

    Mono<PollView> close(TrainingStaff who, long sessionId, long pollId) {
        return sessions.runBy(who, sessionId).then(move(sessionId, pollId, "OPEN", "CLOSED", "只有进行中的投票可以结束"));
    }

    private Mono<PollView> move(long sessionId, long pollId, String from, String to, String refusal) {
        return repository.find(sessionId, pollId)
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("投票")))
                .flatMap(p -> repository.move(pollId, from, to, clock.instant()))
                .flatMap(moved -> moved ? Mono.<Void>empty()
                        : Mono.error(new ApiProblem(HttpStatus.CONFLICT, "poll-state", refusal)))
                .then(Mono.fromRunnable(() -> snapshots.changed(TOPIC, sessionId)))
                .then(view(sessionId, pollId));
    }

    private Mono<PollView> view(long sessionId, long pollId) {
        return snapshot(sessionId, false).flatMap(s -> Mono.justOrEmpty(
                s.polls().stream().filter(p -> p.id() == pollId).findFirst()));
    }

    Mono<Snapshot> snapshot(long sessionId, boolean shownOnly) {
        return repository.of(sessionId, shownOnly).collectList()
                .zipWith(repository.counts(sessionId).collectList())
                .map(t -> {
                    Map<Long, long[]> counts = new HashMap<>();
                    Map<Long, Long> voters = new HashMap<>();
                    for (long[] c : t.getT2()) {
                        if (c[1] < 0) {
                            voters.put(c[0], c[2]);
                        } else {
                            counts.computeIfAbsent(c[0], k -> new long[6])[(int) c[1]] = c[2];
                        }
                    }
                    List<PollView> views = new ArrayList<>();
                    for (Poll p : t.getT1()) {
                        long[] n = counts.getOrDefault(p.id(), new long[6]);
                        List<Long> perOption = new ArrayList<>();
                        for (int i = 0; i < p.options().size(); i++) {
                            perOption.add(n[i]);
                        }
                        views.add(new PollView(p.id(), p.question(), p.options(), p.multiple(), p.status(), perOption,
                                voters.getOrDefault(p.id(), 0L)));
                    }
                    return new Snapshot(sessionId, views);
                });
    }

    /** One option for a single-choice poll, 1..n distinct ones for a multiple-choice poll, each an option's index. */
    private static List<Integer> validChoices(Poll poll, List<Integer> choices) {
        List<Integer> distinct = new ArrayList<>(new LinkedHashSet<>(choices));
        boolean inRange = distinct.stream().allMatch(c -> c != null && c >= 0 && c < poll.options().size());
        if (distinct.isEmpty() || !inRange || (!poll.multiple() && distinct.size() != 1)) {
            String message = poll.multiple() ? "请选择至少一个有效选项" : "请选择一个有效选项";
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "validation", "请求参数有误",
                    List.of(new FieldProblem("choices", message)));
        }
        return distinct.stream().sorted().toList();
    }
}
