package io.livehall.training.attendance;

import java.time.Instant;
import java.util.List;

/** One account's live attendance of a session: its stays (join → leave, 30-s precision) and live watch time. */
record Attendee(long userId, String name, long liveSeconds, List<Stay> stays) {

    record Stay(Instant joinedAt, Instant leftAt) {
    }

    Instant firstJoin() {
        return stays.get(0).joinedAt();
    }

    Instant lastLeave() {
        return stays.get(stays.size() - 1).leftAt();
    }
}
