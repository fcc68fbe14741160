package io.livehall.fair.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.livehall.common.tally.Tally;
import io.livehall.fair.meeting.MeetingFixtures.Side;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The organisers' dashboard counts meetings as the fair's figures do, in the minute each change commits: bookings,
 * held (both sides confirming, or the organisers marking), and the organisers' corrections (held ↔ no-show).
 */
class MeetingTallyTest extends MeetingTestSupport {

    @Autowired
    Tally tally;

    private Map<String, Long> today() {
        return tally.day(Tally.fair(f.fairId), LocalDate.now(Tally.SHANGHAI)).block();
    }

    @Test
    void bookingsHeldMeetingsAndCorrectionsAreCounted() {
        f.setUp(3, 20, 3);
        List<Slot> slots = f.slots();
        MeetingFixtures.ThreeBooked booked = f.threeBooked(slots);
        Side a = booked.a();
        Side b = booked.b();
        Side c = booked.c();
        Side d = booked.d();
        Meeting ab = booked.ab();
        Meeting cd = booked.cd();
        Meeting ad = booked.ad();
        f.accept(b, ab.id(), slots.get(0).id(), "ab").expectStatus().isOk(); // a repeat counts once
        Meeting cb = f.request(c, b, List.of());
        f.accept(b, cb.id(), slots.get(2).id(), "cb").expectStatus().isOk();
        f.send("POST", c.token(), "/api/fairs/" + f.fairId + "/meetings/" + cb.id() + "/cancel", Map.of("reason", "行程有变"))
                .expectStatus().isOk();
        assertThat(today()).containsEntry("meetingsBooked", 3L).containsEntry("meetingsHeld", 0L);

        f.began(ab.id(), 40);
        f.began(cd.id(), 40);
        f.began(ad.id(), 10);
        String mark = "/api/organiser/fairs/" + f.fairId + "/meetings/";
        f.send("POST", f.organiser.token(), mark + ab.id() + "/mark", Map.of("status", "HELD")).expectStatus().isOk();
        f.send("POST", f.organiser.token(), mark + cd.id() + "/mark", Map.of("status", "NO_SHOW")).expectStatus().isOk();
        String held = "/api/fairs/" + f.fairId + "/meetings/" + ad.id() + "/held";
        f.send("POST", a.token(), held, null).expectStatus().isOk();
        f.send("POST", d.token(), held, null).expectStatus().isOk();
        assertThat(today()).containsEntry("meetingsBooked", 3L).containsEntry("meetingsHeld", 2L);

        // corrections: a no-show was held after all, a held one was missed
        f.send("POST", f.organiser.token(), mark + cd.id() + "/mark", Map.of("status", "HELD")).expectStatus().isOk();
        f.send("POST", f.organiser.token(), mark + ab.id() + "/mark", Map.of("status", "NO_SHOW")).expectStatus().isOk();
        assertThat(today()).containsEntry("meetingsBooked", 3L).containsEntry("meetingsHeld", 2L);
    }
}
