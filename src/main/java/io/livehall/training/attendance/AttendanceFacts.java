package io.livehall.training.attendance;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.livehall.training.TrainingSession;
import io.livehall.training.registration.Registrants;
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
    private final Registrants registrants;

    AttendanceFacts(ReplayWatch replay, Registrants registrants) {
        this.replay = replay;
        this.registrants = registrants;
    }

    Mono<Facts> of(TrainingSession s) {
        long sessionId = s.id();
        return Mono.zip(replay.figures(sessionId).defaultIfEmpty(ReplayFigures.NONE),
                        replay.secondsByUser(sessionId).collectList(),
                        registrants.confirmed(s.seriesId()).defaultIfEmpty(0L))
                .map(t -> {
                    Map<Long, Person> people = new HashMap<>();
                    for (UserSeconds u : t.getT2()) {
                        people.put(u.userId(), new Person(u.userId(), false, 0, u.seconds()));
                    }
                    return new Facts(t.getT3(), 0, 0, t.getT1().views(), t.getT1().watchSeconds(), List.copyOf(people.values()));
                });
    }

    Mono<Person> person(TrainingSession s, long userId) {
        return of(s).map(f -> f.people().stream().filter(p -> p.userId() == userId).findFirst()
                .orElse(Person.none(userId)));
    }
}
