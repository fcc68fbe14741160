package io.livehall.training.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.livehall.realtime.RawStompClient;
import io.livehall.realtime.RawStompClient.Frame;
import io.livehall.training.TrainingStaff;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/** Q&A of a training room: asking, one vote per user under races, moderation, roles, bad input, coalesced topic. */
class TrainingQaApiTest extends RoomTestSupport {

    @Autowired
    Questions questions;

    private static String qa(long session) {
        return "/api/training/sessions/" + session + "/qa";
    }

    private static String console(long session) {
        return "/api/organiser/training/sessions/" + session + "/qa";
    }

    private long ask(Account who, long session, String text) {
        return id(send("POST", who.token(), qa(session), Map.of("text", text)).expectStatus().isCreated());
    }

    @Test
    void viewersAskAndVoteOnceAndTheOrganiserAnswersPinsAndHides() {
        Account org = organiser("qa-org");
        Account asker = viewer("qa-ask");
        Account voter = viewer("qa-vote");
        long session = liveSession(org);
        long first = ask(asker, session, "  增值税留抵退税怎么申请？ ");
        long second = ask(voter, session, "研发费用加计扣除比例是多少？");

        send("PUT", voter.token(), qa(session) + "/" + first + "/vote", null).expectStatus().isOk()
                .expectBody().jsonPath("$.votes").isEqualTo(1);
        // a repeat changes nothing
        send("PUT", voter.token(), qa(session) + "/" + first + "/vote", null).expectStatus().isOk()
                .expectBody().jsonPath("$.votes").isEqualTo(1);
        send("GET", null, qa(session), null).expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(2)
                .jsonPath("$.questions[0].id").isEqualTo(first)
                .jsonPath("$.questions[0].text").isEqualTo("增值税留抵退税怎么申请？")
                .jsonPath("$.questions[0].votes").isEqualTo(1)
                .jsonPath("$.questions[0].userId").doesNotExist()
                .jsonPath("$.questions[1].id").isEqualTo(second);
        send("GET", voter.token(), qa(session) + "/mine", null).expectStatus().isOk().expectBody()
                .jsonPath("$.votes").isEqualTo(List.of((int) first))
                .jsonPath("$.questions[0].id").isEqualTo(second);
        // withdrawn, twice: still zero
        send("DELETE", voter.token(), qa(session) + "/" + first + "/vote", null).expectStatus().isOk()
                .expectBody().jsonPath("$.votes").isEqualTo(0);
        send("DELETE", voter.token(), qa(session) + "/" + first + "/vote", null).expectStatus().isOk()
                .expectBody().jsonPath("$.votes").isEqualTo(0);

        send("POST", org.token(), console(session) + "/" + first + "/answer", Map.of("answer", "在电子税务局提交申请")).expectStatus().isOk()
                .expectBody().jsonPath("$.answer").isEqualTo("在电子税务局提交申请").jsonPath("$.answeredAt").isNotEmpty();
        send("PUT", org.token(), console(session) + "/" + second + "/pinned", Map.of("value", true)).expectStatus().isOk();
        send("GET", null, qa(session), null).expectStatus().isOk().expectBody()
                .jsonPath("$.answered").isEqualTo(1)
                .jsonPath("$.questions[0].id").isEqualTo(second)
                .jsonPath("$.questions[0].pinned").isEqualTo(true)
                .jsonPath("$.questions[1].answered").isEqualTo(true);
        // pinning another unpins the first: one pinned question at a time
        send("PUT", org.token(), console(session) + "/" + first + "/pinned", Map.of("value", true)).expectStatus().isOk();
        send("GET", null, qa(session), null).expectStatus().isOk().expectBody()
                .jsonPath("$.questions[0].id").isEqualTo(first)
                .jsonPath("$.questions[1].pinned").isEqualTo(false);

        // hidden: gone from the room, still listed (marked) for its asker and the organiser, not votable
        send("PUT", org.token(), console(session) + "/" + first + "/hidden", Map.of("value", true)).expectStatus().isOk()
                .expectBody().jsonPath("$.hidden").isEqualTo(true).jsonPath("$.pinned").isEqualTo(false);
        send("GET", null, qa(session), null).expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(1)
                .jsonPath("$.questions.length()").isEqualTo(1);
        send("GET", asker.token(), qa(session) + "/mine", null).expectStatus().isOk().expectBody()
                .jsonPath("$.questions[0].id").isEqualTo(first)
                .jsonPath("$.questions[0].hidden").isEqualTo(true);
        send("GET", org.token(), console(session), null).expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(2)
                .jsonPath("$[?(@.id == " + first + ")].userId").isEqualTo(List.of((int) asker.id()));
        send("PUT", voter.token(), qa(session) + "/" + first + "/vote", null).expectStatus().isNotFound();

        // attendance reads counts (hidden questions were asked too)
        assertThat(questions.countFor(session).block()).isEqualTo(2);
        assertThat(questions.countFor(session, asker.id()).block()).isEqualTo(1);
        assertThat(questions.countFor(session, org.id()).block()).isZero();
    }

    @Test
    void concurrentUpvotesBySameAndDifferentUsersCountExactlyOnceEach() {
        Account org = organiser("qa-race-org");
        long session = liveSession(org);
        List<Account> voters = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            voters.add(viewer("qa-race" + i));
        }
        long question = ask(voters.get(0), session, "大家一起投票");
        // every voter votes 8 times at once, 48 requests in flight together
        Flux.range(0, 48)
                .flatMap(i -> questions.vote(session, question, voters.get(i % 6).id(), true), 48)
                .blockLast(Duration.ofSeconds(30));
        assertThat(votes(question)).isEqualTo(6);
        assertThat(voteRows(question)).isEqualTo(6);
        // withdrawing and voting again at once, per user: the counter always equals the rows
        Flux.range(0, 48)
                .flatMap(i -> questions.vote(session, question, voters.get(i % 6).id(), i % 2 == 0), 48)
                .blockLast(Duration.ofSeconds(30));
        assertThat(votes(question)).isEqualTo(voteRows(question));
        Flux.range(0, 12)
                .flatMap(i -> questions.vote(session, question, voters.get(i % 6).id(), false), 12)
                .blockLast(Duration.ofSeconds(30));
        assertThat(votes(question)).isZero();
        assertThat(voteRows(question)).isZero();
    }

    @Test
    void aBurstOfQuestionsAndVotesReachesTheRoomAtMostTwiceASecond() throws InterruptedException {
        Account org = organiser("qa-burst-org");
        long session = liveSession(org);
        List<Account> people = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            people.add(viewer("qa-burst" + i));
        }
        List<Long> received = new ArrayList<>();
        List<Long> wallClock = new ArrayList<>();
        String pass = guestPass(); // before the socket opens: it must CONNECT within the connect timeout
        try (RawStompClient room = RawStompClient.open(port)) {
            room.connectAsGuest(pass);
            room.subscribe("q", "/topic/training/" + session + "/qa");
            long started = System.nanoTime();
            // 15 questions and 75 votes, as fast as they go, while this thread reads the room
            var burst = Flux.range(0, 15)
                    .flatMap(i -> questions.ask(session, people.get(i % 5).id(), "问题 " + i), 15)
                    .map(QuestionRepository.Question::id).collectList()
                    .flatMap(ids -> Flux.range(0, 75)
                            .flatMap(i -> questions.vote(session, ids.get(i % 15), people.get(i / 15).id(), true), 20)
                            .then())
                    .subscribeOn(Schedulers.boundedElastic())
                    .toFuture();
            // the last snapshot carries everything
            String last = null;
            while (last == null || !last.contains("\"total\":15") || last.matches("(?s).*\"votes\":[0-4],.*")) {
                Frame frame = room.next();
                if (frame.command().equals("MESSAGE")) {
                    received.add(System.nanoTime());
                    wallClock.add(System.currentTimeMillis());
                    last = frame.body();
                }
            }
            // nothing else trails in once it is all published
            Frame more = room.poll(Duration.ofMillis(800));
            if (more != null && more.command().equals("MESSAGE")) {
                received.add(System.nanoTime());
                wallClock.add(System.currentTimeMillis());
            }
            burst.join();
            double seconds = (received.get(received.size() - 1) - started) / 1e9;
            assertThat(received.size()).isLessThanOrEqualTo((int) Math.floor(seconds * 2) + 2);
            // and no wall-clock second of it carried more than two: snapshots go out at .000 and .500
            java.util.Map<Long, Long> perSecond = wallClock.stream()
                    .collect(java.util.stream.Collectors.groupingBy(t -> t / 1000, java.util.stream.Collectors.counting()));
            assertThat(perSecond.values()).as("snapshots per wall-clock second: %s", wallClock).allMatch(n -> n <= 2);
        }
    }

    @Test
    void questionsOnlyWhileLiveWithinTheRateLimitAndNotWhenBanned() {
        Account org = organiser("qa-rule-org");
        Account viewer = viewer("qa-rule");
        long scheduled = scheduledSession(org);
        send("POST", viewer.token(), qa(scheduled), Map.of("text", "能提前问吗")).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").isEqualTo("直播未开始或已结束");
        long session = liveSession(org);
        send("POST", null, qa(session), Map.of("text", "游客提问")).expectStatus().isUnauthorized();
        send("GET", null, qa(session) + "/mine", null).expectStatus().isUnauthorized();
        for (int i = 0; i < 3; i++) {
            ask(viewer, session, "第 " + i + " 个问题");
        }
        send("POST", viewer.token(), qa(session), Map.of("text", "第四个")).expectStatus().isEqualTo(429)
                .expectBody().jsonPath("$.detail").isEqualTo("提问太频繁，请稍后再试");

        Account troll = viewer("qa-troll");
        String bans = "/api/organiser/training/sessions/" + session + "/bans/";
        send("PUT", org.token(), bans + troll.id(), null).expectStatus().isOk().expectBody()
                .jsonPath("$[0].userId").isEqualTo(troll.id());
        send("POST", troll.token(), qa(session), Map.of("text", "我又来了")).expectStatus().isForbidden()
                .expectBody().jsonPath("$.detail").isEqualTo("你已被禁止在本系列课程中提问和发言");
        // a ban is for the whole series, in PostgreSQL
        assertThat(db.sql("select count(*) as n from training_room_ban where user_id = :u").bind("u", troll.id())
                .map(r -> r.get("n", Long.class)).one().block()).isEqualTo(1L);
        send("PUT", org.token(), bans + org.id(), null).expectStatus().isEqualTo(409);
        send("PUT", org.token(), bans + "999999999", null).expectStatus().isNotFound();
        send("DELETE", org.token(), bans + troll.id(), null).expectStatus().isOk();
        ask(troll, session, "我改了");

        end(org, session);
        send("POST", troll.token(), qa(session), Map.of("text", "结束后")).expectStatus().isEqualTo(409);
    }

    @Test
    void badInputIsA400AndOnlyTheSeriesOrganiserModerates() {
        Account org = organiser("qa-bad-org");
        Account other = organiser("qa-bad-other");
        Account viewer = viewer("qa-bad");
        long session = liveSession(org);
        send("POST", viewer.token(), qa(session), Map.of("text", "坏\u0000问题")).expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("text");
        send("POST", viewer.token(), qa(session), Map.of("text", "长".repeat(201))).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].message").isEqualTo("问题最多 200 字");
        send("POST", viewer.token(), qa(session), Map.of("text", "   ")).expectStatus().isBadRequest();
        send("POST", viewer.token(), qa(session), Map.of("text", "\u202E反向")).expectStatus().isBadRequest();
        send("POST", viewer.token(), "/api/training/sessions/99999999999999999999/qa", Map.of("text", "溢出"))
                .expectStatus().isBadRequest();
        send("POST", viewer.token(), qa(999_999_999), Map.of("text", "不存在")).expectStatus().isNotFound();
        send("GET", null, qa(999_999_999), null).expectStatus().isNotFound();
        long question = ask(viewer, session, "正常问题");
        send("PUT", viewer.token(), qa(session) + "/999999999/vote", null).expectStatus().isNotFound();
        send("POST", org.token(), console(session) + "/" + question + "/answer", Map.of("answer", "长".repeat(301)))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("answer");
        send("PUT", org.token(), console(session) + "/" + question + "/pinned", Map.of()).expectStatus().isBadRequest();

        // a viewer is 403 (not an organiser), another organiser 404 (not theirs), a guest 401
        for (String path : List.of("/" + question + "/answer")) {
            send("POST", viewer.token(), console(session) + path, Map.of()).expectStatus().isForbidden();
            send("POST", other.token(), console(session) + path, Map.of()).expectStatus().isNotFound();
            send("POST", null, console(session) + path, Map.of()).expectStatus().isUnauthorized();
        }
        send("PUT", viewer.token(), console(session) + "/" + question + "/hidden", Map.of("value", true)).expectStatus().isForbidden();
        send("PUT", other.token(), console(session) + "/" + question + "/hidden", Map.of("value", true)).expectStatus().isNotFound();
        send("PUT", other.token(), console(session) + "/" + question + "/pinned", Map.of("value", true)).expectStatus().isNotFound();
        send("GET", other.token(), console(session), null).expectStatus().isNotFound();
        send("GET", viewer.token(), console(session), null).expectStatus().isForbidden();
        send("PUT", other.token(), "/api/organiser/training/sessions/" + session + "/bans/" + viewer.id(), null)
                .expectStatus().isNotFound();
        send("PUT", viewer.token(), "/api/organiser/training/sessions/" + session + "/bans/" + viewer.id(), null)
                .expectStatus().isForbidden();
        // a question of another session is not found through this one
        long otherSession = liveSession(org);
        send("POST", org.token(), console(otherSession) + "/" + question + "/answer", Map.of()).expectStatus().isNotFound();
        // an admin moderates any series
        Account admin = account("qa-admin", "VIEWER", "ADMIN");
        send("POST", admin.token(), console(session) + "/" + question + "/answer", Map.of()).expectStatus().isOk()
                .expectBody().jsonPath("$.answeredAt").isNotEmpty().jsonPath("$.answer").doesNotExist();
        assertThat(questions.all(new TrainingStaff(other.id(), false), session).onErrorReturn(List.of()).block()).isEmpty();
    }

    private long votes(long question) {
        return db.sql("select votes from training_question where id = :q").bind("q", question)
                .map(r -> r.get("votes", Integer.class).longValue()).one().block();
    }

    private long voteRows(long question) {
        return db.sql("select count(*) as n from training_question_vote where question_id = :q").bind("q", question)
                .map(r -> r.get("n", Long.class)).one().block();
    }
}
