package io.livehall.training.room;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.livehall.realtime.RawStompClient;
import io.livehall.realtime.RawStompClient.Frame;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Check-in: the code on the console only, the window, wrong and expired codes, the attempt limit, counts, roles. */
class TrainingCheckInApiTest extends RoomTestSupport {

    @Autowired
    CheckIns checkIns;

    private static String console(long session) {
        return "/api/organiser/training/sessions/" + session + "/checkins";
    }

    private static String room(long session) {
        return "/api/training/sessions/" + session + "/checkin";
    }

    private static String wrong(String code) {
        return String.format("%04d", (Integer.parseInt(code) + 1) % 10_000);
    }

    private String start(Account org, long session, Map<String, Object> body) {
        var started = send("POST", org.token(), console(session), body).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        return (String) started.get("code");
    }

    @Test
    void viewersEnterTheCodeWithinTheWindowOnceAndSeeTheStateButNeverTheCode() {
        Account org = organiser("ci-org");
        Account viewer = viewer("ci-v");
        long session = liveSession(org);
        send("POST", viewer.token(), room(session), Map.of("code", "1234")).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").isEqualTo("签到未开始");
        String pass = guestPass(); // before the socket opens: it must CONNECT within the connect timeout
        try (RawStompClient page = RawStompClient.open(port)) {
            page.connectAsGuest(pass);
            page.subscribe("c", "/topic/training/" + session + "/checkin");
            String code = start(org, session, Map.of("minutes", 3));
            assertThat(code).matches("\\d{4}");
            String state = awaitMessage(page, "\"checkInId\"");
            assertThat(state).doesNotContain(code).doesNotContain("\"code\"").contains("\"count\":0");
            send("GET", null, room(session), null).expectStatus().isOk().expectBody()
                    .jsonPath("$.state.code").doesNotExist()
                    .jsonPath("$.state.closesAt").isNotEmpty()
                    .jsonPath("$.checkedInAt").doesNotExist();

            var first = send("POST", viewer.token(), room(session), Map.of("code", code)).expectStatus().isOk()
                    .expectBody(Map.class).returnResult().getResponseBody();
            assertThat(first.get("checkedInAt")).isNotNull();
            // a repeat answers the same, even a wrong code once checked in
            send("POST", viewer.token(), room(session), Map.of("code", wrong(code))).expectStatus().isOk()
                    .expectBody().jsonPath("$.checkedInAt").isEqualTo(first.get("checkedInAt"));
            assertThat(awaitMessage(page, "\"count\":1")).doesNotContain(code);
            send("GET", viewer.token(), room(session), null).expectStatus().isOk().expectBody()
                    .jsonPath("$.checkedInAt").isEqualTo(first.get("checkedInAt"));
        }
        send("GET", org.token(), console(session), null).expectStatus().isOk().expectBody()
                .jsonPath("$.checkIns[0].count").isEqualTo(1)
                .jsonPath("$.checkIns[0].code").isNotEmpty();
        assertThat(checkIns.countsFor(session).block()).singleElement().satisfies(c -> assertThat(c.count()).isEqualTo(1));
        long checkInId = checkIns.countsFor(session).block().get(0).checkInId();
        assertThat(checkIns.checkedIn(session, viewer.id()).block()).containsExactly(checkInId);
        assertThat(checkIns.checkedIn(session, org.id()).block()).isEmpty();
    }

    @Test
    void afterTheWindowACodeIs409AndANewCheckInMayStart() {
        Account org = organiser("ci-win");
        Account viewer = viewer("ci-win-v");
        Account punctual = viewer("ci-win-p");
        long session = liveSession(org);
        String code = start(org, session, Map.of());
        // while it runs, a second one may not start
        send("POST", org.token(), console(session), Map.of("minutes", 1)).expectStatus().isEqualTo(409);
        try {
            clock.advance(Duration.ofMinutes(4).plusSeconds(59));
            send("POST", punctual.token(), room(session), Map.of("code", code)).expectStatus().isOk();
            clock.advance(Duration.ofSeconds(1)); // the default window is 5 minutes: now it has ended
            send("POST", viewer.token(), room(session), Map.of("code", code)).expectStatus().isEqualTo(409)
                    .expectBody().jsonPath("$.detail").isEqualTo("签到已结束");
            send("POST", viewer.token(), room(session), Map.of("code", wrong(code))).expectStatus().isEqualTo(409);
            // checked in before the end stays checked in
            send("POST", punctual.token(), room(session), Map.of("code", code)).expectStatus().isOk();

            String second = start(org, session, Map.of("minutes", 30));
            send("POST", viewer.token(), room(session), Map.of("code", second)).expectStatus().isOk();
            assertThat(checkIns.countsFor(session).block()).extracting(CheckIns.CheckInCount::count).containsExactly(1L, 1L);
            assertThat(checkIns.checkedIn(session, viewer.id()).block()).hasSize(1);
        } finally {
            clock.reset();
        }
    }

    @Test
    void fiveWrongCodesThenEveryAttemptIs429ForThatCheckIn() {
        Account org = organiser("ci-lock");
        Account guesser = viewer("ci-lock-v");
        long session = liveSession(org);
        String code = start(org, session, Map.of("minutes", 10));
        for (int left = 4; left >= 0; left--) {
            send("POST", guesser.token(), room(session), Map.of("code", wrong(code))).expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.remainingAttempts").isEqualTo(left);
        }
        send("POST", guesser.token(), room(session), Map.of("code", code)).expectStatus().isEqualTo(429)
                .expectBody().jsonPath("$.detail").isEqualTo("签到码错误次数过多，本次签到已无法参与");
        assertThat(checkIns.checkedIn(session, guesser.id()).block()).isEmpty();
        // malformed codes are no attempts
        Account other = viewer("ci-lock-o");
        send("POST", other.token(), room(session), Map.of("code", "12a4")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].message").isEqualTo("签到码为 4 位数字");
        send("POST", other.token(), room(session), Map.of("code", "12\u00004")).expectStatus().isBadRequest();
        send("POST", other.token(), room(session), Map.of("code", "123456789012")).expectStatus().isBadRequest();
        send("POST", other.token(), room(session), Map.of()).expectStatus().isBadRequest();
        send("POST", other.token(), room(session), Map.of("code", code)).expectStatus().isOk();
    }

    @Test
    void onlyTheSeriesOrganiserStartsACheckInDuringTheLiveAndSeesTheCode() {
        Account org = organiser("ci-role");
        Account other = organiser("ci-role-o");
        Account viewer = viewer("ci-role-v");
        long scheduled = scheduledSession(org);
        send("POST", org.token(), console(scheduled), Map.of()).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").isEqualTo("直播中才能发起签到");
        long session = liveSession(org);
        send("POST", org.token(), console(session), Map.of("minutes", 0)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("minutes");
        send("POST", org.token(), console(session), Map.of("minutes", 31)).expectStatus().isBadRequest();
        send("POST", org.token(), console(session), Map.of("minutes", 99999999999L)).expectStatus().isBadRequest();
        send("POST", viewer.token(), console(session), Map.of()).expectStatus().isForbidden();
        send("GET", viewer.token(), console(session), null).expectStatus().isForbidden();
        send("POST", other.token(), console(session), Map.of()).expectStatus().isNotFound();
        send("GET", other.token(), console(session), null).expectStatus().isNotFound();
        send("POST", null, console(session), Map.of()).expectStatus().isUnauthorized();
        start(org, session, Map.of("minutes", 1));
        send("POST", null, room(session), Map.of("code", "1234")).expectStatus().isUnauthorized();
        send("GET", null, room(999_999_999), null).expectStatus().isNotFound();
        send("POST", viewer.token(), room(999_999_999), Map.of("code", "1234")).expectStatus().isNotFound();
        assertThat(send("GET", viewer.token(), room(session), null).expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody()).doesNotContain("\"code\"");
        List<?> list = (List<?>) send("GET", org.token(), console(session), null).expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("checkIns");
        assertThat(list).hasSize(1);
    }

    /** Reads MESSAGE frames until one's body contains {@code text}. */
    private static String awaitMessage(RawStompClient client, String text) {
        for (int i = 0; i < 20; i++) {
            Frame frame = client.next();
            if (frame.command().equals("MESSAGE") && frame.body().contains(text)) {
                return frame.body();
            }
        }
        throw new AssertionError("no message containing " + text);
    }
}
