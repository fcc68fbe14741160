package io.livehall.training.attendance;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.livehall.training.replay.ReplayFigures;
import io.livehall.training.replay.ReplayWatch;
import io.livehall.training.replay.UserSeconds;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * What the other training features count for a session's attendance: registrations (registration), check-ins and
 * questions (room), replay views and watch time (replay).
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

    AttendanceFacts(ReplayWatch replay) {
        this.replay = replay;
    }

    Mono<Facts> of(long sessionId) {
        return Mono.zip(replay.figures(sessionId).defaultIfEmpty(ReplayFigures.NONE),
                        replay.secondsByUser(sessionId).collectList())
                .map(t -> {
                    Map<Long, Person> people = new HashMap<>();
                    for (UserSeconds u : t.getT2()) {
                        people.put(u.userId(), new Person(u.userId(), false, 0, u.seconds()));
                    }
                    return new Facts(0, 0, 0, t.getT1().views(), t.getT1().watchSeconds(), List.copyOf(people.values()));
                });
    }

    Mono<Person> person(long sessionId, long userId) {
        return of(sessionId).map(f -> f.people().stream().filter(p -> p.userId() == userId).findFirst()
                .orElse(Person.none(userId)));
    }
}
