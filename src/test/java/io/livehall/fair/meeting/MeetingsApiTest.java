package io.livehall.fair.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.livehall.fair.FairFigure;
import io.livehall.fair.ParticipantStatus;
import io.livehall.fair.meeting.MeetingFixtures.Side;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Requests, bookings, the agenda, declines and cancels, marks and figures, role rules and bad input. */
class MeetingsApiTest extends MeetingTestSupport {

    @Autowired
    MeetingFigures figures;
    @Autowired
    MeetingReminders reminders;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aRequestAcceptedIsBookedAtAFreeTableAndShowsInBothAgendas() {
        f.setUp(4, 20, 2);
        List<Slot> slots = f.slots();
        assertThat(slots).hasSize(4).allSatisfy(s -> assertThat(s.freePlaces()).isEqualTo(2));
        Side buyer = f.side("采购方");
        Side supplier = f.side("供应方");

        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("inviteeId", supplier.participantId(), "message", "想了解贵司的冲压件",
                "slotIds", List.of(slots.get(0).id(), slots.get(1).id()));
        Meeting requested = f.send("POST", buyer.token(), "/api/fairs/" + f.fairId + "/meetings", body, key)
                .expectStatus().isCreated().expectBody(Meeting.class).returnResult().getResponseBody();
        assertThat(requested.status()).isEqualTo(MeetingStatus.REQUESTED);
        assertThat(requested.preferredSlots()).containsExactly(slots.get(0).id(), slots.get(1).id());
        // the same key again: the first request, not a second one
        Meeting repeat = f.send("POST", buyer.token(), "/api/fairs/" + f.fairId + "/meetings", body, key)
                .expectStatus().isOk().expectBody(Meeting.class).returnResult().getResponseBody();
        assertThat(repeat.id()).isEqualTo(requested.id());
        // another key while one is open: refused
        f.send("POST", buyer.token(), "/api/fairs/" + f.fairId + "/meetings", body, UUID.randomUUID().toString())
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.errors[0].field").isEqualTo("inviteeId");
        assertThat(notified(supplier.member().userId(), "fair-meeting-request")).isEqualTo(1);

        // only the invitee accepts
        f.accept(buyer, requested.id(), slots.get(1).id(), "a1").expectStatus().isForbidden();
        String acceptKey = UUID.randomUUID().toString();
        Meeting booked = f.accept(supplier, requested.id(), slots.get(1).id(), acceptKey).expectStatus().isOk()
                .expectBody(Meeting.class).returnResult().getResponseBody();
        assertThat(booked.status()).isEqualTo(MeetingStatus.BOOKED);
        assertThat(booked.place().name()).isEqualTo("洽谈桌 1");
        assertThat(booked.startsAt()).isEqualTo(slots.get(1).startsAt());
        // a repeat with the same key answers the booking; another key: already decided
        f.accept(supplier, requested.id(), slots.get(1).id(), acceptKey).expectStatus().isOk()
                .expectBody().jsonPath("$.id").isEqualTo(requested.id());
        f.accept(supplier, requested.id(), slots.get(2).id(), "other").expectStatus().isEqualTo(409);
        assertThat(notified(buyer.member().userId(), "fair-meeting-booked")).isEqualTo(1);

        for (Side side : List.of(buyer, supplier)) {
            f.send("GET", side.token(), "/api/fairs/" + f.fairId + "/meetings", null).expectStatus().isOk()
                    .expectBody().jsonPath("$.agenda[0].id").isEqualTo(requested.id())
                    .jsonPath("$.agenda[0].place.name").isEqualTo("洽谈桌 1")
                    .jsonPath("$.incoming.length()").isEqualTo(0);
        }
        String ics = f.send("GET", buyer.token(), "/api/fairs/" + f.fairId + "/meetings.ics", null).expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/calendar")
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(ics).contains("BEGIN:VEVENT", "UID:fair-meeting-" + requested.id() + "@livehall.io", "LOCATION:洽谈桌 1",
                "TZID=Asia/Shanghai").contains("\r\n");
        assertThat(f.slots().get(1).freePlaces()).isEqualTo(1);
        assertThat(figures.figures(f.fairId).block()).containsEntry(FairFigure.MEETINGS_BOOKED, 1L);
    }

    @Test
    void declineNeedsAReasonAndCancelFreesTheTime() {
        f.setUp(2, 30, 1);
        List<Slot> slots = f.slots();
        Side a = f.side("甲");
        Side b = f.side("乙");
        Side c = f.side("丙");
        Meeting ab = f.request(a, b, List.of());
        String path = "/api/fairs/" + f.fairId + "/meetings/" + ab.id();
        f.send("POST", b.token(), path + "/decline", Map.of("reason", "")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");
        f.send("POST", b.token(), path + "/decline", Map.of("reason", "暂无采购计划")).expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("DECLINED").jsonPath("$.reason").isEqualTo("暂无采购计划");
        assertThat(notified(a.member().userId(), "fair-meeting-declined")).isEqualTo(1);
        f.send("POST", b.token(), path + "/decline", Map.of("reason", "再次")).expectStatus().isEqualTo(409);

        // the only table, booked, then cancelled: the slot is free again for another pair
        Meeting ac = f.request(a, c, List.of(slots.get(0).id()));
        f.accept(c, ac.id(), slots.get(0).id(), "k-ac").expectStatus().isOk();
        Meeting cb = f.request(c, b, List.of());
        f.accept(b, cb.id(), slots.get(0).id(), "k-cb").expectStatus().isEqualTo(409);
        f.send("POST", a.token(), "/api/fairs/" + f.fairId + "/meetings/" + ac.id() + "/cancel", null)
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("CANCELLED");
        assertThat(notified(c.member().userId(), "fair-meeting-cancelled")).isEqualTo(1);
        f.accept(b, cb.id(), slots.get(0).id(), "k-cb2").expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("BOOKED");
    }

    @Test
    void onlyApprovedParticipantsOfTheFairTakePartAndBadInputIsRefused() {
        f.setUp(2, 20, 1);
        List<Slot> slots = f.slots();
        Side a = f.side("甲");
        Side b = f.side("乙");
        Side pending = f.side("待审", ParticipantStatus.PENDING);
        MeetingFixtures other = new MeetingFixtures(context, http, db);
        other.setUp(1, 20, 1);
        Side stranger = other.side("外场");
        String meetings = "/api/fairs/" + f.fairId + "/meetings";

        f.send("GET", pending.token(), meetings, null).expectStatus().isForbidden();
        f.send("GET", pending.token(), meetings + ".ics", null).expectStatus().isForbidden();
        f.send("POST", pending.token(), meetings, Map.of("inviteeId", a.participantId()), "k").expectStatus().isForbidden();
        // a pending or other fair's participant cannot be invited
        f.send("POST", a.token(), meetings, Map.of("inviteeId", pending.participantId()), "k1").expectStatus().isNotFound()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("inviteeId");
        f.send("POST", a.token(), meetings, Map.of("inviteeId", stranger.participantId()), "k2").expectStatus().isNotFound();
        f.send("POST", a.token(), meetings, Map.of("inviteeId", a.participantId()), "k3").expectStatus().isNotFound();
        // bad input
        f.send("POST", a.token(), meetings, Map.of("inviteeId", b.participantId()), null).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("Idempotency-Key");
        f.send("POST", a.token(), meetings, Map.of("inviteeId", b.participantId(), "message", "你好\u0000"), "k4")
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("message");
        f.send("POST", a.token(), meetings, Map.of("inviteeId", b.participantId(), "message", "长".repeat(501)), "k5")
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("message");
        f.send("POST", a.token(), meetings, "{\"inviteeId\": 99999999999999999999999}", "k6").expectStatus().isBadRequest();
        f.send("POST", a.token(), meetings, Map.of("inviteeId", b.participantId(),
                "slotIds", List.of(other.slots().get(0).id())), "k7").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("slotIds");
        f.send("POST", a.token(), meetings, Map.of("inviteeId", b.participantId(), "slotIds", List.of(1, 2, 3, 4, 5, 6)), "k8")
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("slotIds");

        Meeting ab = f.request(a, b, List.of());
        // the other fair's slot, a made-up slot, someone else's meeting
        f.accept(b, ab.id(), other.slots().get(0).id(), "x1").expectStatus().isBadRequest();
        f.accept(b, ab.id(), Long.MAX_VALUE, "x2").expectStatus().isBadRequest();
        Side c = f.side("丙");
        f.accept(c, ab.id(), slots.get(0).id(), "x3").expectStatus().isNotFound();
        f.send("POST", stranger.token(), "/api/fairs/" + other.fairId + "/meetings/" + ab.id() + "/cancel", null)
                .expectStatus().isNotFound();
        // the organisers' board: another organiser's fair answers 404, participants 403
        var someone = f.fx.account("ORGANISER");
        f.send("GET", someone.token(), "/api/organiser/fairs/" + f.fairId + "/meeting-board", null).expectStatus().isNotFound();
        f.send("GET", a.token(), "/api/organiser/fairs/" + f.fairId + "/meeting-board", null).expectStatus().isForbidden();
        f.send("POST", f.organiser.token(), "/api/organiser/fairs/" + f.fairId + "/slots",
                Map.of("date", f.day().toString(), "from", "10:00", "until", "09:00", "minutes", 20))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("until");
        f.send("POST", f.organiser.token(), "/api/organiser/fairs/" + f.fairId + "/slots",
                Map.of("date", "2020-01-01", "from", "09:00", "until", "10:00", "minutes", 20))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("date");
        f.send("POST", f.organiser.token(), "/api/organiser/fairs/" + f.fairId + "/places",
                Map.of("kind", "ROOM", "name", "线上会议室", "link", "javascript:alert(1)"))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("link");
        f.send("POST", f.organiser.token(), "/api/organiser/fairs/" + f.fairId + "/places",
                Map.of("kind", "TABLE", "count", 100000)).expectStatus().isBadRequest();
    }

    @Test
    void organisersMarkHeldAndNoShowOnceBegunAndTheFiguresCountThem() {
        f.setUp(3, 20, 3);
        MeetingFixtures.ThreeBooked booked = f.threeBooked(f.slots());
        Side a = booked.a();
        Side d = booked.d();
        Meeting ab = booked.ab();
        Meeting cd = booked.cd();
        Meeting ad = booked.ad();
        String mark = "/api/organiser/fairs/" + f.fairId + "/meetings/";
        f.send("POST", f.organiser.token(), mark + ab.id() + "/mark", Map.of("status", "HELD")).expectStatus().isEqualTo(409);

        // time passes (the tokens' clock stays): the three meetings have begun
        f.began(ab.id(), 40);
        f.began(cd.id(), 40);
        f.began(ad.id(), 10);
        f.send("POST", f.organiser.token(), mark + ab.id() + "/mark", Map.of("status", "HELD")).expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("HELD");
        f.send("POST", f.organiser.token(), mark + cd.id() + "/mark", Map.of("status", "NO_SHOW")).expectStatus().isOk();
        f.send("POST", f.organiser.token(), mark + cd.id() + "/mark", Map.of("status", "GONE")).expectStatus().isBadRequest();
        // both sides confirm: held
        String held = "/api/fairs/" + f.fairId + "/meetings/" + ad.id() + "/held";
        f.send("POST", a.token(), held, null).expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("BOOKED");
        f.send("POST", d.token(), held, null).expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("HELD");
        // cancelling a begun meeting is refused
        f.send("POST", a.token(), "/api/fairs/" + f.fairId + "/meetings/" + ab.id() + "/cancel", null)
                .expectStatus().isEqualTo(409);

        assertThat(figures.figures(f.fairId).block()).containsEntry(FairFigure.MEETINGS_BOOKED, 3L)
                .containsEntry(FairFigure.MEETINGS_HELD, 2L).containsEntry(FairFigure.NO_SHOWS, 1L);
    }

    @Test
    void twoRacingReminderRunsRemindEachSideOnce() {
        f.setUp(2, 20, 2);
        List<Slot> slots = f.slots();
        Side a = f.side("甲");
        Side b = f.side("乙");
        Side c = f.side("丙");
        Meeting ab = f.request(a, b, List.of());
        Meeting cb = f.request(c, b, List.of());
        f.accept(b, ab.id(), slots.get(0).id(), "r1").expectStatus().isOk();
        f.accept(b, cb.id(), slots.get(1).id(), "r2").expectStatus().isOk();

        clock.set(slots.get(0).startsAt().minus(Duration.ofMinutes(30)));
        reminders.sendDue().block(Duration.ofSeconds(30));
        assertThat(notified(a.member().userId(), "fair-meeting-reminder")).isZero();

        clock.set(slots.get(0).startsAt().minus(Duration.ofMinutes(10)));
        // (the scheduled job may run too: the counts below hold whoever claims)
        Mono.zip(reminders.sendDue().subscribeOn(Schedulers.parallel()),
                reminders.sendDue().subscribeOn(Schedulers.boundedElastic())).block(Duration.ofSeconds(30));
        assertThat(notified(a.member().userId(), "fair-meeting-reminder")).isEqualTo(1);
        assertThat(notified(b.member().userId(), "fair-meeting-reminder")).isEqualTo(1);
        assertThat(notified(c.member().userId(), "fair-meeting-reminder")).isZero();
        reminders.sendDue().block(Duration.ofSeconds(30));
        assertThat(notified(a.member().userId(), "fair-meeting-reminder")).isEqualTo(1);

        clock.set(slots.get(1).startsAt().minus(Duration.ofMinutes(5)));
        reminders.sendDue().block(Duration.ofSeconds(30));
        assertThat(notified(b.member().userId(), "fair-meeting-reminder")).isEqualTo(2);
        assertThat(notified(c.member().userId(), "fair-meeting-reminder")).isEqualTo(1);
    }
}
