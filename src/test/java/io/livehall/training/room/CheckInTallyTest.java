package io.livehall.training.room;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import io.livehall.common.tally.Tally;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The organisers' dashboard counts each check-in once, in its series, in the minute it commits. */
class CheckInTallyTest extends RoomTestSupport {

    @Autowired
    Tally tally;

    @Test
    void eachPersonsCheckInCountsOnce() {
        Account org = organiser("ci-tally");
        long session = liveSession(org);
        long series = db.sql("select series_id from training_session where id = :id").bind("id", session)
                .map(row -> row.get(0, Long.class)).one().block();
        String code = (String) send("POST", org.token(), "/api/organiser/training/sessions/" + session + "/checkins",
                Map.of("minutes", 3)).expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("code");
        String room = "/api/training/sessions/" + session + "/checkin";
        for (int i = 0; i < 2; i++) {
            Account viewer = viewer("ci-tally-v");
            send("POST", viewer.token(), room, Map.of("code", code)).expectStatus().isOk();
            send("POST", viewer.token(), room, Map.of("code", code)).expectStatus().isOk(); // a repeat
        }
        assertThat(tally.day(Tally.training(series), LocalDate.now(Tally.SHANGHAI)).block()).containsEntry("checkIns", 2L);
    }
}
