package io.livehall.fair.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.livehall.fair.FairFixtures;
import io.livehall.fair.meeting.MeetingFixtures.Side;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Organisers cancel a request or a booking with a reason (both sides told, time freed); requests are rate-limited. */
class OrganiserCancelAndRequestLimitTest extends MeetingTestSupport {

    @Autowired
    MeetingSettings settings;

    private String stage(Side x, Side y) {
        return db.sql("""
                        select stage from fair_pair where fair_id = :fair
                           and low_participant_id = least(:x, :y) and high_participant_id = greatest(:x, :y)""")
                .bind("fair", f.fairId).bind("x", x.participantId()).bind("y", y.participantId())
                .map(row -> row.get(0, String.class)).one().block();
    }

    private MeetingBoard.Board board() {
        return f.send("GET", f.organiser.token(), "/api/organiser/fairs/" + f.fairId + "/meeting-board", null)
                .expectStatus().isOk().expectBody(MeetingBoard.Board.class).returnResult().getResponseBody();
    }

    private String cancelPath(long meetingId) {
        return "/api/organiser/fairs/" + f.fairId + "/meetings/" + meetingId + "/cancel";
    }

    @Test
    void theOrganiserCancelsABookingWithAReasonBothSidesAreToldAndTheTableIsFreeAgain() {
        f.setUp(1, 30, 1);
        long slot = f.slots().get(0).id();
        Side a = f.side("甲");
        Side b = f.side("乙");
        Side c = f.side("丙");
        Meeting ab = f.request(a, b, List.of(slot));
        f.accept(b, ab.id(), slot, "k-ab").expectStatus().isOk();
        assertThat(stage(a, b)).isEqualTo("CONTACTED");
        Meeting cb = f.request(c, b, List.of());
        f.accept(b, cb.id(), slot, "k-cb").expectStatus().isEqualTo(409);

        // bad input: no reason, a blank one, control characters, too long
        f.send("POST", f.organiser.token(), cancelPath(ab.id()), Map.of()).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");
        f.send("POST", f.organiser.token(), cancelPath(ab.id()), Map.of("reason", "  ")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("reason").jsonPath("$.detail").value(d ->
                        assertThat((String) d).doesNotContain("Request", "Exception"));
        f.send("POST", f.organiser.token(), cancelPath(ab.id()), Map.of("reason", "场地\u0000调整")).expectStatus().isBadRequest();
        f.send("POST", f.organiser.token(), cancelPath(ab.id()), Map.of("reason", "长".repeat(501))).expectStatus().isBadRequest();
        // only the fair's organisers: another organiser's fair is not found, a participant is forbidden
        FairFixtures.Account other = new FairFixtures(db, context).account("ORGANISER");
        f.send("POST", other.token(), cancelPath(ab.id()), Map.of("reason", "场地调整")).expectStatus().isNotFound();
        f.send("POST", a.token(), cancelPath(ab.id()), Map.of("reason", "场地调整")).expectStatus().isForbidden();
        f.send("POST", f.organiser.token(), cancelPath(999_999_999L), Map.of("reason", "场地调整")).expectStatus().isNotFound();

        f.send("POST", f.organiser.token(), cancelPath(ab.id()), Map.of("reason", "场地调整")).expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("CANCELLED").jsonPath("$.reason").isEqualTo("场地调整");
        assertThat(notified(a.member().userId(), "fair-meeting-cancelled")).isEqualTo(1);
        assertThat(notified(b.member().userId(), "fair-meeting-cancelled")).isEqualTo(1);
        assertThat(stage(a, b)).as("the pair's progress is unaffected").isEqualTo("CONTACTED");
        // twice: already cancelled
        f.send("POST", f.organiser.token(), cancelPath(ab.id()), Map.of("reason", "再次")).expectStatus().isEqualTo(409);
        // the table and b's time are free: another pair books the slot
        assertThat(f.slots().get(0).freePlaces()).isEqualTo(1);
        f.accept(b, cb.id(), slot, "k-cb2").expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("BOOKED");
    }

    @Test
    void aSlotWhoseMeetingsWereAllCancelledCanBeDeletedOneWithABookingCannot() {
        f.setUp(2, 30, 1);
        long first = f.slots().get(0).id();
        long second = f.slots().get(1).id();
        Side a = f.side("甲");
        Side b = f.side("乙");
        Meeting ab = f.request(a, b, List.of(first));
        f.accept(b, ab.id(), first, "k-1").expectStatus().isOk();
        Meeting ba = f.request(b, f.side("丙"), List.of(second));
        f.send("DELETE", f.organiser.token(), "/api/organiser/fairs/" + f.fairId + "/slots/" + first, null)
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.detail").isEqualTo("该时段已有洽谈，不能删除");
        f.send("POST", f.organiser.token(), cancelPath(ab.id()), Map.of("reason", "场地调整")).expectStatus().isOk();
        f.send("DELETE", f.organiser.token(), "/api/organiser/fairs/" + f.fairId + "/slots/" + first, null)
                .expectStatus().isOk();
        assertThat(f.slots()).extracting(Slot::id).containsExactly(second);
        assertThat(db.sql("select status from fair_meeting where id = :id").bind("id", ab.id())
                .map(row -> row.get(0, String.class)).one().block())
                .as("the cancelled booking stays, for the record").isEqualTo("CANCELLED");
        assertThat(ba.status()).isEqualTo(MeetingStatus.REQUESTED);
    }

    @Test
    void theOrganiserCancelsARequestAndBothSidesAreTold() {
        f.setUp(2, 30, 1);
        Side a = f.side("甲");
        Side b = f.side("乙");
        Side c = f.side("丙");
        long second = f.slots().get(1).id();
        Meeting ab = f.request(a, b, List.of(second));
        Meeting cb = f.request(c, b, List.of());
        // the organisers' grid shows the requests awaiting an answer, oldest first, with the slots they prefer
        MeetingBoard.Board board = board();
        assertThat(board.pending()).extracting(Meeting::id).containsExactly(ab.id(), cb.id());
        assertThat(board.pending().get(0).preferredSlots()).containsExactly(second);
        assertThat(board.meetings()).isEmpty();
        f.send("POST", f.organiser.token(), cancelPath(ab.id()), Map.of("reason", "该企业资质待复核")).expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("CANCELLED");
        assertThat(board().pending()).extracting(Meeting::id).containsExactly(cb.id());
        assertThat(notified(a.member().userId(), "fair-meeting-cancelled")).isEqualTo(1);
        assertThat(notified(b.member().userId(), "fair-meeting-cancelled")).isEqualTo(1);
        assertThat(stage(a, b)).isEqualTo("CONTACTED");
        // the pair may ask again
        f.request(b, a, List.of());
    }

    @Test
    void aParticipantSendsAtMostTheLimitOfRequestsPerWindowThen429() {
        int limit = settings.requestsPerWindow();
        Side me = f.side("发起方");
        List<Side> others = f.sides(limit + 1, false);
        String path = "/api/fairs/" + f.fairId + "/meetings";
        String first = UUID.randomUUID().toString();
        for (int i = 0; i < limit; i++) {
            f.send("POST", me.token(), path, Map.of("inviteeId", others.get(i).participantId()),
                    i == 0 ? first : UUID.randomUUID().toString()).expectStatus().isCreated();
        }
        f.send("POST", me.token(), path, Map.of("inviteeId", others.get(limit).participantId()), UUID.randomUUID().toString())
                .expectStatus().isEqualTo(429).expectHeader().exists("Retry-After")
                .expectHeader().contentTypeCompatibleWith("application/problem+json")
                .expectBody().jsonPath("$.type").value(t -> assertThat((String) t).endsWith("meeting-requests-rate-limited"))
                .jsonPath("$.detail").isEqualTo("洽谈邀请发送太频繁：每 " + settings.requestWindow().toMinutes() + " 分钟最多 "
                        + limit + " 个，请稍后再试");
        // a repeat of a request already made answers it (it is not a new one)
        f.send("POST", me.token(), path, Map.of("inviteeId", others.get(0).participantId()), first).expectStatus().isOk();
        // another participant is not limited by it
        f.send("POST", f.side("另一方").token(), path, Map.of("inviteeId", others.get(limit).participantId()),
                UUID.randomUUID().toString()).expectStatus().isCreated();
        assertThat(db.sql("select count(*) from fair_meeting where requester_id = :p").bind("p", me.participantId())
                .map(row -> row.get(0, Long.class)).one().block()).isEqualTo(limit);
    }
}
