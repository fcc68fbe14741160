package io.livehall.training.room;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.livehall.realtime.RawStompClient;
import io.livehall.realtime.RawStompClient.Frame;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.core.publisher.Flux;

/** Polls of a training room: create, open (one at a time), vote once, live results, close, roles, bad input. */
class TrainingPollApiTest extends RoomTestSupport {

    @Autowired
    Polls polls;

    private static String console(long session) {
        return "/api/organiser/training/sessions/" + session + "/polls";
    }

    private static String room(long session) {
        return "/api/training/sessions/" + session + "/polls";
    }

    private long create(Account org, long session, String question, List<String> options, boolean multiple) {
        return id(send("POST", org.token(), console(session),
                Map.of("question", question, "options", options, "multiple", multiple)).expectStatus().isCreated());
    }

    @Test
    void anOpenPollTakesOneVotePerViewerAndItsResultsReachTheRoomLiveAndStayAfterClosing() {
        Account org = organiser("poll-org");
        Account a = viewer("poll-a");
        Account b = viewer("poll-b");
        long session = liveSession(org);
        long poll = create(org, session, "本节课难度如何？", List.of(" 简单 ", "适中", "偏难"), false);
        // a draft is not shown in the room and takes no votes
        send("GET", null, room(session), null).expectStatus().isOk().expectBody().jsonPath("$.polls.length()").isEqualTo(0);
        send("POST", a.token(), room(session) + "/" + poll + "/vote", Map.of("choices", List.of(1))).expectStatus().isEqualTo(409);

        String pass = guestPass(); // before the socket opens: it must CONNECT within the connect timeout

        try (RawStompClient page = RawStompClient.open(port)) {
            page.connectAsGuest(pass);
            page.subscribe("p", "/topic/training/" + session + "/poll");
            send("POST", org.token(), console(session) + "/" + poll + "/open", null).expectStatus().isOk()
                    .expectBody().jsonPath("$.status").isEqualTo("OPEN").jsonPath("$.options[0]").isEqualTo("简单");
            assertThat(awaitMessage(page, "\"status\":\"OPEN\"")).contains("\"voters\":0");

            send("POST", a.token(), room(session) + "/" + poll + "/vote", Map.of("choices", List.of(1))).expectStatus().isOk()
                    .expectBody().jsonPath("$.choices").isEqualTo(List.of(1));
            // a repeat answers the first vote
            send("POST", a.token(), room(session) + "/" + poll + "/vote", Map.of("choices", List.of(2))).expectStatus().isOk()
                    .expectBody().jsonPath("$.choices").isEqualTo(List.of(1));
            send("POST", b.token(), room(session) + "/" + poll + "/vote", Map.of("choices", List.of(2))).expectStatus().isOk();
            assertThat(awaitMessage(page, "\"voters\":2")).contains("\"counts\":[0,1,1]");
            send("GET", a.token(), room(session) + "/mine", null).expectStatus().isOk().expectBody()
                    .jsonPath("$[0].pollId").isEqualTo(poll).jsonPath("$[0].choices").isEqualTo(List.of(1));

            send("POST", org.token(), console(session) + "/" + poll + "/close", null).expectStatus().isOk()
                    .expectBody().jsonPath("$.status").isEqualTo("CLOSED").jsonPath("$.counts").isEqualTo(List.of(0, 1, 1));
            assertThat(awaitMessage(page, "\"status\":\"CLOSED\"")).contains("\"counts\":[0,1,1]");
        }
        Account late = viewer("poll-late");
        send("POST", late.token(), room(session) + "/" + poll + "/vote", Map.of("choices", List.of(0))).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").isEqualTo("投票未开始或已结束");
        send("POST", org.token(), console(session) + "/" + poll + "/open", null).expectStatus().isEqualTo(409);
        send("GET", null, room(session), null).expectStatus().isOk().expectBody()
                .jsonPath("$.polls[0].status").isEqualTo("CLOSED")
                .jsonPath("$.polls[0].voters").isEqualTo(2);
    }

    @Test
    void oneOpenPollAtATimeMultipleChoiceCountsEachOptionAndTheEndOfTheLiveClosesIt() {
        Account org = organiser("poll-one");
        long session = liveSession(org);
        long first = create(org, session, "你所在行业", List.of("制造", "外贸"), false);
        long second = create(org, session, "想听哪些主题（多选）", List.of("税务", "融资", "出海", "数字化"), true);
        send("POST", org.token(), console(session) + "/" + first + "/open", null).expectStatus().isOk();
        send("POST", org.token(), console(session) + "/" + second + "/open", null).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").isEqualTo("已有进行中的投票，请先结束它");
        send("POST", org.token(), console(session) + "/" + first + "/close", null).expectStatus().isOk();
        send("POST", org.token(), console(session) + "/" + second + "/open", null).expectStatus().isOk();

        // 6 viewers, each sending three votes at once: one vote each, counted exactly
        List<Account> voters = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            voters.add(viewer("poll-m" + i));
        }
        Flux.range(0, 18)
                .flatMap(i -> polls.vote(session, second, voters.get(i % 6).id(), i < 6 ? List.of(0, 2) : List.of(1)), 18)
                .blockLast(Duration.ofSeconds(30));
        var snapshot = polls.publicSnapshot(session).block();
        var view = snapshot.polls().stream().filter(p -> p.id() == second).findFirst().orElseThrow();
        assertThat(view.voters()).isEqualTo(6);
        assertThat(view.counts().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(db.sql("select coalesce(sum(cardinality(choices)), 0) as n from training_poll_vote where poll_id = :p")
                        .bind("p", second).map(r -> ((Number) r.get("n")).longValue()).one().block());
        // duplicate choices count once
        Account dup = viewer("poll-dup");
        send("POST", dup.token(), room(session) + "/" + second + "/vote", Map.of("choices", List.of(3, 3, 1))).expectStatus().isOk()
                .expectBody().jsonPath("$.choices").isEqualTo(List.of(1, 3));

        end(org, session);
        send("GET", null, room(session), null).expectStatus().isOk().expectBody()
                .jsonPath("$.polls[0].id").isEqualTo(second)
                .jsonPath("$.polls[0].status").isEqualTo("CLOSED");
        long third = create(org, session, "结束后还能发起吗", List.of("能", "不能"), false);
        send("POST", org.token(), console(session) + "/" + third + "/open", null).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").isEqualTo("直播中才能发起投票");
    }

    @Test
    void badPollsAndVotesAre400AndOnlyTheSeriesOrganiserRunsPolls() {
        Account org = organiser("poll-bad");
        Account other = organiser("poll-other");
        Account viewer = viewer("poll-bad-v");
        long session = liveSession(org);
        send("POST", org.token(), console(session), Map.of("question", "坏\u0000", "options", List.of("a", "b")))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("question");
        send("POST", org.token(), console(session), Map.of("question", "长".repeat(101), "options", List.of("a", "b")))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].message").isEqualTo("投票问题最多 100 字");
        send("POST", org.token(), console(session), Map.of("question", "一个选项", "options", List.of("a")))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].message").isEqualTo("选项需为 2-6 个");
        send("POST", org.token(), console(session), Map.of("question", "七个选项", "options", List.of("1", "2", "3", "4", "5", "6", "7")))
                .expectStatus().isBadRequest();
        send("POST", org.token(), console(session), Map.of("question", "长选项", "options", List.of("a", "长".repeat(41))))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].message").isEqualTo("每个选项最多 40 字");
        send("POST", org.token(), console(session), Map.of("question", "空选项", "options", List.of("a", " ")))
                .expectStatus().isBadRequest();
        send("POST", org.token(), console(session), Map.of("question", "换行", "options", List.of("a", "b\nc")))
                .expectStatus().isBadRequest();

        long poll = create(org, session, "单选", List.of("甲", "乙"), false);
        send("POST", org.token(), console(session) + "/" + poll + "/open", null).expectStatus().isOk();
        String vote = room(session) + "/" + poll + "/vote";
        send("POST", viewer.token(), vote, Map.of("choices", List.of(0, 1))).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].message").isEqualTo("请选择一个有效选项");
        send("POST", viewer.token(), vote, Map.of("choices", List.of(2))).expectStatus().isBadRequest();
        send("POST", viewer.token(), vote, Map.of("choices", List.of(-1))).expectStatus().isBadRequest();
        send("POST", viewer.token(), vote, Map.of("choices", List.of())).expectStatus().isBadRequest();
        send("POST", viewer.token(), vote, Map.of("choices", List.of(99999999999L))).expectStatus().isBadRequest();
        send("POST", viewer.token(), vote, Map.of()).expectStatus().isBadRequest();
        send("POST", null, vote, Map.of("choices", List.of(0))).expectStatus().isUnauthorized();
        send("GET", null, room(session) + "/mine", null).expectStatus().isUnauthorized();
        send("POST", viewer.token(), room(session) + "/999999999/vote", Map.of("choices", List.of(0))).expectStatus().isNotFound();
        // the poll of another session is not found through this one
        long otherSession = liveSession(org);
        send("POST", viewer.token(), room(otherSession) + "/" + poll + "/vote", Map.of("choices", List.of(0))).expectStatus().isNotFound();

        send("POST", viewer.token(), console(session), Map.of("question", "观众", "options", List.of("a", "b"))).expectStatus().isForbidden();
        send("POST", other.token(), console(session), Map.of("question", "别人", "options", List.of("a", "b"))).expectStatus().isNotFound();
        send("POST", other.token(), console(session) + "/" + poll + "/close", null).expectStatus().isNotFound();
        send("POST", viewer.token(), console(session) + "/" + poll + "/close", null).expectStatus().isForbidden();
        send("GET", other.token(), console(session), null).expectStatus().isNotFound();
        send("POST", org.token(), console(session) + "/999999999/close", null).expectStatus().isNotFound();
        send("GET", null, room(999_999_999), null).expectStatus().isNotFound();
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
