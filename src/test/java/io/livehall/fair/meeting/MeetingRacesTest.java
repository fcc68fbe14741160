package io.livehall.fair.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.livehall.fair.meeting.MeetingFixtures.Side;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

/**
 * Bookings racing over HTTP: for the same table, for overlapping slots of the same participant, and 200 bookings of
 * 20 slots at one table — the exclusion constraints let exactly the possible ones through, and never two at once.
 */
class MeetingRacesTest extends MeetingTestSupport {

    WebClient client;

    @BeforeEach
    void client() {
        client = WebClient.create("http://127.0.0.1:" + port);
    }

    private record Accept(Side invitee, long meetingId, long slotId) {
    }

    /** Fires the accepts at once; answers the HTTP statuses. */
    private List<Integer> race(List<Accept> accepts) {
        return Flux.fromIterable(accepts)
                .flatMap(a -> client.post().uri("/api/fairs/" + f.fairId + "/meetings/" + a.meetingId() + "/accept")
                        .header("Authorization", "Bearer " + a.invitee().token())
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .bodyValue(Map.of("slotId", a.slotId()))
                        .exchangeToMono(r -> r.releaseBody().thenReturn(r.statusCode().value())), 256)
                .collectList().block(Duration.ofSeconds(120));
    }

    private long booked() {
        return db.sql("select count(*) from fair_meeting where fair_id = :f and status = 'BOOKED'").bind("f", f.fairId)
                .map(row -> row.get(0, Long.class)).one().block();
    }

    /** No place and no participant has two overlapping booked meetings. */
    private void noDoubleBooking() {
        assertThat(db.sql("""
                        select count(*) from fair_meeting a join fair_meeting b on a.id < b.id
                         where a.fair_id = :f and b.fair_id = :f and a.status = 'BOOKED' and b.status = 'BOOKED'
                           and tstzrange(a.starts_at, a.ends_at) && tstzrange(b.starts_at, b.ends_at)
                           and (a.place_id = b.place_id or a.requester_id in (b.requester_id, b.invitee_id)
                                or a.invitee_id in (b.requester_id, b.invitee_id))""")
                .bind("f", f.fairId).map(row -> row.get(0, Long.class)).one().block()).isZero();
    }

    @Test
    void tenPairsRacingForTheOneTableOfASlotBookExactlyOne() {
        f.setUp(1, 20, 1);
        long slot = f.slots().get(0).id();
        List<Accept> accepts = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Side a = f.side("甲" + i);
            Side b = f.side("乙" + i);
            accepts.add(new Accept(b, f.request(a, b, List.of(slot)).id(), slot));
        }
        List<Integer> statuses = race(accepts);
        assertThat(statuses.stream().filter(s -> s == 200).count()).isEqualTo(1);
        assertThat(statuses.stream().filter(s -> s == 409).count()).isEqualTo(9);
        assertThat(booked()).isEqualTo(1);
        noDoubleBooking();
    }

    @Test
    void aParticipantAcceptingTwoOverlappingSlotsAtOnceGetsOne() {
        f.setUp(1, 30, 4);
        // a second slot overlapping the first by 15 minutes
        f.send("POST", f.organiser.token(), "/api/organiser/fairs/" + f.fairId + "/slots",
                Map.of("date", f.day().toString(), "from", "09:15", "until", "09:45", "minutes", 30)).expectStatus().isOk();
        List<Slot> slots = f.slots();
        assertThat(slots).hasSize(2);
        Side busy = f.side("热门企业");
        List<Accept> accepts = new ArrayList<>();
        for (int round = 0; round < 8; round++) {
            Side a = f.side("甲" + round);
            Side b = f.side("乙" + round);
            accepts.clear();
            accepts.add(new Accept(busy, f.request(a, busy, List.of()).id(), slots.get(0).id()));
            accepts.add(new Accept(busy, f.request(b, busy, List.of()).id(), slots.get(1).id()));
            List<Integer> statuses = race(accepts);
            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
            // free the winner again for the next round
            db.sql("""
                    update fair_meeting set status = 'CANCELLED' where invitee_id = :p and status = 'BOOKED'""")
                    .bind("p", busy.participantId()).fetch().rowsUpdated().block();
            db.sql("delete from fair_meeting_attendee where participant_id = :p").bind("p", busy.participantId())
                    .fetch().rowsUpdated().block();
        }
    }

    @Test
    void twoHundredBookingsOfTwentySlotsAtOneTableBookExactlyTwenty() {
        f.setUp(20, 20, 1);
        List<Slot> slots = f.slots();
        List<Side> requesters = f.sides(200, false);
        List<Side> invitees = f.sides(200, true);
        List<Long> meetings = f.requests(requesters, invitees);
        List<Accept> accepts = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            accepts.add(new Accept(invitees.get(i), meetings.get(i), slots.get(i % 20).id()));
        }
        List<Integer> statuses = race(accepts);
        assertThat(statuses.stream().filter(s -> s == 200).count()).isEqualTo(20);
        assertThat(statuses.stream().filter(s -> s == 409).count()).isEqualTo(180);
        assertThat(booked()).isEqualTo(20);
        assertThat(f.slots()).allSatisfy(s -> assertThat(s.booked()).isEqualTo(1));
        noDoubleBooking();
    }
}
