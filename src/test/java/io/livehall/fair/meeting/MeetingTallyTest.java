package io.livehall.fair.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.livehall.IntegrationTest;
import io.livehall.common.tally.Tally;
import io.livehall.fair.meeting.MeetingFixtures.Side;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The organisers' dashboard counts meetings as the fair's figures do, in the minute each change commits: bookings,
 * held (both sides confirming, or the organisers marking), and the organisers' corrections (held ↔ no-show).
 */
class MeetingTallyTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    Tally tally;

    MeetingFixtures f;

    @BeforeEach
    void fixtures() {
        f = new MeetingFixtures(context, http, db);
    }

    private Map<String, Long> today() {
        return tally.day(Tally.fair(f.fairId), LocalDate.now(Tally.SHANGHAI)).block();
    }

    /** Moves a booked meeting's time so that it began {@code minutesAgo} minutes ago (20 minutes long). */
    private void began(long meetingId, int minutesAgo) {
        db.sql("""
                update fair_meeting set starts_at = now() - make_interval(mins => :m),
                       ends_at = now() - make_interval(mins => :m) + interval '20 minutes' where id = :id""")
                .bind("m", minutesAgo).bind("id", meetingId).fetch().rowsUpdated().block();
    }

    @Test
    void bookingsHeldMeetingsAndCorrectionsAreCounted() {
        f.setUp(3, 20, 3);
        List<Slot> slots = f.slots();
        Side a = f.side("甲");
        Side b = f.side("乙");
        Side c = f.side("丙");
        Side d = f.side("丁");
        Meeting ab = f.request(a, b, List.of());
        Meeting cd = f.request(c, d, List.of());
        Meeting ad = f.request(a, d, List.of());
        Meeting cb = f.request(c, b, List.of());
        f.accept(b, ab.id(), slots.get(0).id(), "t1").expectStatus().isOk();
        f.accept(b, ab.id(), slots.get(0).id(), "t1").expectStatus().isOk(); // a repeat counts once
        f.accept(d, cd.id(), slots.get(0).id(), "t2").expectStatus().isOk();
        f.accept(d, ad.id(), slots.get(1).id(), "t3").expectStatus().isOk();
        f.accept(b, cb.id(), slots.get(2).id(), "t4").expectStatus().isOk();
        f.send("POST", c.token(), "/api/fairs/" + f.fairId + "/meetings/" + cb.id() + "/cancel", Map.of("reason", "行程有变"))
                .expectStatus().isOk();
        assertThat(today()).containsEntry("meetingsBooked", 3L).containsEntry("meetingsHeld", 0L);

        began(ab.id(), 40);
        began(cd.id(), 40);
        began(ad.id(), 10);
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
