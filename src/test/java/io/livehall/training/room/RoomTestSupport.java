package io.livehall.training.room;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import io.livehall.training.TrainingTestSupport;

/** A live session for the training room tests (accounts and requests: {@link TrainingTestSupport}). */
abstract class RoomTestSupport extends TrainingTestSupport {

    Account viewer(String prefix) {
        return account(prefix);
    }

    /** A session of a new series of {@code org}, SCHEDULED. */
    long scheduledSession(Account org) {
        long series = id(send("POST", org.token(), "/api/organiser/training/series",
                Map.of("title", "互动系列", "audience", "", "tags", List.of())).expectStatus().isCreated());
        return id(send("POST", org.token(), "/api/organiser/training/series/" + series + "/sessions",
                Map.of("title", "互动课", "lecturer", "王老师",
                        "startsAt", clock.instant().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString(),
                        "durationMinutes", 90, "streamUrl", "https://cdn.example.com/train/a.m3u8",
                        "materialFileIds", List.of())).expectStatus().isCreated());
    }

    /** A LIVE session of a new series of {@code org}. */
    long liveSession(Account org) {
        long id = scheduledSession(org);
        send("POST", org.token(), "/api/organiser/training/sessions/" + id + "/start", null).expectStatus().isOk();
        return id;
    }

    void end(Account org, long sessionId) {
        send("POST", org.token(), "/api/organiser/training/sessions/" + sessionId + "/end", null).expectStatus().isOk();
    }

    static Instant at(Object text) {
        return Instant.parse((String) text);
    }
}
