package io.livehall.training.attendance;

import java.util.List;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * What the other training features count for a session's attendance: registrations (registration), check-ins and
 * questions (room), replay views and watch time (replay). Until those features are wired in, every figure is zero.
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

    Mono<Facts> of(long sessionId) {
        return Mono.just(new Facts(0, 0, 0, 0, 0, List.of()));
    }

    Mono<Person> person(long sessionId, long userId) {
        return Mono.just(Person.none(userId));
    }
}
