package io.livehall.training.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.livehall.IntegrationTest;
import io.livehall.common.tally.Tally;
import io.livehall.training.registration.RegistrationFixtures.Account;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The organisers' dashboard counts confirmed places as the series' figures do: given at registration, moving up from
 * the waiting list or approved (+1), freed by a cancellation (−1); waiting and pending ones do not count.
 */
class RegistrationTallyTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    Tally tally;
    @Autowired
    Registrants registrants;

    @Test
    void confirmedPlacesGivenAndFreedAreCounted() {
        RegistrationFixtures f = new RegistrationFixtures(http, db, context);
        Account org = f.user("ORGANISER");
        long seriesId = f.series(org, "名额系列");
        f.session(org, seriesId, "第一课", clock.instant().plus(2, ChronoUnit.DAYS), List.of());
        Map<String, Object> s = new HashMap<>();
        s.put("mode", "CAPACITY");
        s.put("capacity", 2);
        s.put("company", "OFF");
        s.put("jobTitle", "OFF");
        s.put("phone", "OFF");
        s.put("reminderOffsets", List.of(1440));
        f.settings(org, seriesId, s);
        List<Account> people = f.users("VIEWER", 3);
        String uri = "/api/training/series/" + seriesId + "/registration";
        for (Account p : people) {
            f.send("POST", p.token(), uri, Map.of()).expectStatus().isOk();
        }
        f.send("POST", people.get(0).token(), uri, Map.of()).expectStatus().isOk(); // a repeat
        assertThat(today(seriesId)).containsEntry("registrations", 2L);
        // the first cancels: the third moves up from the waiting list
        f.send("DELETE", people.get(0).token(), uri, null).expectStatus().isOk();
        assertThat(today(seriesId)).containsEntry("registrations", 2L);
        assertThat(registrants.confirmed(seriesId).block()).isEqualTo(2L);
        f.send("DELETE", people.get(1).token(), uri, null).expectStatus().isOk();
        assertThat(today(seriesId)).containsEntry("registrations", 1L);
    }

    private Map<String, Long> today(long seriesId) {
        return tally.day(Tally.training(seriesId), LocalDate.now(Tally.SHANGHAI)).block();
    }
}
