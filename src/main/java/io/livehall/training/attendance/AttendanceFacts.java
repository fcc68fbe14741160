package io.livehall.training.attendance;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.livehall.training.TrainingSession;
import io.livehall.training.registration.Registrants;
import io.livehall.training.replay.ReplayFigures;
import io.livehall.training.replay.ReplayWatch;
import io.livehall.training.replay.UserSeconds;
import io.livehall.training.room.CheckIns;
import io.livehall.training.room.Questions;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * What the other training features count for a session's attendance: confirmed registrations (registration),
 * check-ins and questions (room), replay views and watch time (replay) — each read once per report, not per person.
 */
@Component
class AttendanceFacts {

    /** A session's counts from the other features, and per person. */
    record Facts(long registered, long checkedIn, long questions, long replayViews, long replayWatchSeconds,
                 List<Person> people) {
    }

    /** One person's counts from the other features. */
    record Person(long userId, boolean checkedIn, long questions, long replaySeconds) {

        static Person none(long userId) {
            return new Person(userId, false, 0, 0);
        }
    }

    private final ReplayWatch replay;
    private final Registrants registrants;
    private final CheckIns checkIns;
    private final Questions questions;

    AttendanceFacts(ReplayWatch replay, Registrants registrants, CheckIns checkIns, Questions questions) {
        this.replay = replay;
        this.registrants = registrants;
        this.checkIns = checkIns;
        this.questions = questions;
    }

    Mono<Facts> of(TrainingSession s) {
        long sessionId = s.id();
        return Mono.zip(replay.figures(sessionId).defaultIfEmpty(ReplayFigures.NONE),
                        replay.secondsByUser(sessionId).collectMap(UserSeconds::userId, UserSeconds::seconds),
                        registrants.confirmed(s.seriesId()).defaultIfEmpty(0L),
                        checkIns.usersCheckedIn(sessionId),
                        questions.countsByUser(sessionId))
                .map(t -> {
                    Map<Long, Long> replaySeconds = t.getT2();
                    Set<Long> checkedIn = t.getT4();
                    Map<Long, Long> asked = t.getT5();
                    Set<Long> everyone = new HashSet<>(replaySeconds.keySet());
                    everyone.addAll(checkedIn);
                    everyone.addAll(asked.keySet());
                    List<Person> people = everyone.stream().map(id -> new Person(id, checkedIn.contains(id),
                            asked.getOrDefault(id, 0L), replaySeconds.getOrDefault(id, 0L))).toList();
                    long questionCount = asked.values().stream().mapToLong(Long::longValue).sum();
                    return new Facts(t.getT3(), checkedIn.size(), questionCount, t.getT1().views(),
                            t.getT1().watchSeconds(), people);
                });
    }

    /**
     * One person's counts, read by user (each an index read): the attendee's own record is re-read every 30 s by each
     * open session page, so it must not cost a whole session's figures.
     */
    Mono<Person> person(TrainingSession s, long userId) {
        return Mono.zip(checkIns.checkedIn(s.id(), userId).map(ids -> !ids.isEmpty()),
                        questions.countFor(s.id(), userId).defaultIfEmpty(0L),
                        replay.secondsOf(s.id(), userId))
                .map(t -> new Person(userId, t.getT1(), t.getT2(), t.getT3()));
    }
}
