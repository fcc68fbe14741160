package io.livehall.fair.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;

import io.livehall.IntegrationTest;
import io.livehall.fair.FairFixtures;
import io.livehall.fair.FairFixtures.Account;
import io.livehall.fair.FairFixtures.Member;
import io.livehall.fair.FairKind;
import io.livehall.fair.FairVisibility;
import io.livehall.fair.ParticipantRole;
import io.livehall.fair.ParticipantStatus;
import io.livehall.realtime.broker.RealtimeUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.test.StepVerifier;

/** The roadshow room: who gets in, the current project, Q&A with one upvote each, 感兴趣 once with one notice. */
class RoadshowTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    RoadshowRoom room;
    @Autowired
    Roadshow roadshow;

    FairFixtures fx;
    Account organiser;
    long fairId;
    Member project;
    long projectId;
    Member otherProject;
    long otherProjectId;
    Member investor;
    Member bank;
    Member pending;

    @BeforeEach
    void fixtures() {
        fx = new FairFixtures(db, context);
        organiser = fx.account("ORGANISER");
        fairId = fx.fair(organiser.id(), FairKind.ROADSHOW, FairVisibility.PUBLIC);
        project = fx.enterprise("智能装备项目");
        projectId = fx.participant(fairId, project, ParticipantRole.PROJECT, ParticipantStatus.APPROVED);
        otherProject = fx.enterprise("新材料项目");
        otherProjectId = fx.participant(fairId, otherProject, ParticipantRole.PROJECT, ParticipantStatus.APPROVED);
        investor = fx.enterprise("创投基金");
        fx.participant(fairId, investor, ParticipantRole.INVESTOR, ParticipantStatus.APPROVED);
        bank = fx.enterprise("城市商业银行");
        fx.participant(fairId, bank, ParticipantRole.INVESTOR, ParticipantStatus.APPROVED);
        pending = fx.enterprise("待审投资人");
        fx.participant(fairId, pending, ParticipantRole.INVESTOR, ParticipantStatus.PENDING);
    }

    private WebTestClient.ResponseSpec send(HttpMethod method, String token, String path, Object body) {
        var spec = http.method(method).uri(path).header("Authorization", "Bearer " + token);
        return body == null ? spec.exchange() : spec.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private String base() {
        return "/api/fairs/" + fairId + "/roadshow";
    }

    @Test
    void onlyApprovedParticipantsAndOrganisersEnterTheRoomAndItsTopics() {
        send(HttpMethod.GET, investor.token(), base(), null).expectStatus().isOk()
                .expectBody().jsonPath("$.role").isEqualTo("INVESTOR").jsonPath("$.stage.projects.length()").isEqualTo(2);
        send(HttpMethod.GET, organiser.token(), base(), null).expectStatus().isOk().expectBody().jsonPath("$.organiser").isEqualTo(true);
        send(HttpMethod.GET, pending.token(), base(), null).expectStatus().isForbidden();
        Member outsider = fx.enterprise("局外企业");
        send(HttpMethod.GET, outsider.token(), base(), null).expectStatus().isForbidden();
        long procurement = fx.fair(organiser.id());
        send(HttpMethod.GET, organiser.token(), "/api/fairs/" + procurement + "/roadshow", null).expectStatus().isNotFound();
        send(HttpMethod.PUT, fx.account("ORGANISER").token(), "/api/organiser/fairs/" + fairId + "/roadshow/current",
                Map.of("projectId", projectId)).expectStatus().isNotFound();

        Map<String, String> vars = Map.of("fairId", Long.toString(fairId));
        StepVerifier.create(room.admits(user(investor.userId()), vars)).expectNext(true).verifyComplete();
        StepVerifier.create(room.admits(user(organiser.id()), vars)).expectNext(true).verifyComplete();
        StepVerifier.create(room.admits(user(pending.userId()), vars)).expectNext(false).verifyComplete();
        StepVerifier.create(room.admits(user(outsider.userId()), vars)).expectNext(false).verifyComplete();
        StepVerifier.create(room.admits(RealtimeUser.guest("g-1", "游客", true), vars)).expectNext(false).verifyComplete();
        StepVerifier.create(room.exists(Long.toString(fairId))).expectNext(true).verifyComplete();
        StepVerifier.create(room.exists(Long.toString(procurement))).expectNext(false).verifyComplete();
        StepVerifier.create(room.exists("x")).expectNext(false).verifyComplete();
    }

    @Test
    void theOrganiserSwitchesProjectsInvestorsAskAndUpvoteOnceAndTheProjectMarksAnswered() {
        String current = "/api/organiser/fairs/" + fairId + "/roadshow/current";
        send(HttpMethod.POST, investor.token(), base() + "/questions", Map.of("text", "估值多少？")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("projectId");
        send(HttpMethod.PUT, organiser.token(), current, Map.of("projectId", 999_999_999L)).expectStatus().isNotFound();
        send(HttpMethod.PUT, organiser.token(), current, Map.of("projectId", projectId)).expectStatus().isOk()
                .expectBody().jsonPath("$.currentProjectId").isEqualTo(projectId);
        send(HttpMethod.PUT, organiser.token(), "/api/organiser/fairs/" + fairId + "/roadshow/stream",
                Map.of("streamUrl", "javascript:alert(1)")).expectStatus().isBadRequest();
        send(HttpMethod.PUT, organiser.token(), "/api/organiser/fairs/" + fairId + "/roadshow/stream",
                Map.of("streamUrl", "/demo/stream/live.m3u8")).expectStatus().isOk()
                .expectBody().jsonPath("$.streamUrl").isEqualTo("/demo/stream/live.m3u8");

        send(HttpMethod.POST, investor.token(), base() + "/questions", Map.of("text", "问\u0000题")).expectStatus().isBadRequest();
        send(HttpMethod.POST, investor.token(), base() + "/questions", Map.of("text", "长".repeat(301))).expectStatus().isBadRequest();
        long question = send(HttpMethod.POST, investor.token(), base() + "/questions", Map.of("text", "明年的营收目标是多少？"))
                .expectStatus().isOk().expectBody(Roadshow.QuestionView.class).returnResult().getResponseBody().id();
        send(HttpMethod.POST, bank.token(), base() + "/questions/" + question + "/vote", null).expectStatus().isOk()
                .expectBody().jsonPath("$.votes").isEqualTo(1);
        send(HttpMethod.POST, bank.token(), base() + "/questions/" + question + "/vote", null).expectStatus().isOk()
                .expectBody().jsonPath("$.votes").isEqualTo(1);
        send(HttpMethod.POST, investor.token(), base() + "/questions/" + question + "/vote", null).expectStatus().isOk()
                .expectBody().jsonPath("$.votes").isEqualTo(2);
        // another project cannot mark it; the project asked can
        send(HttpMethod.POST, otherProject.token(), base() + "/questions/" + question + "/answered", null).expectStatus().isForbidden();
        send(HttpMethod.POST, project.token(), base() + "/questions/" + question + "/answered", null).expectStatus().isOk()
                .expectBody().jsonPath("$.answered").isEqualTo(true);
        send(HttpMethod.GET, bank.token(), base(), null).expectStatus().isOk()
                .expectBody().jsonPath("$.qa.questions[0].votes").isEqualTo(2).jsonPath("$.votes[0]").isEqualTo(question);
    }

    @Test
    void anInvestorsInterestCountsOnceAndTellsTheProjectOnce() {
        String interest = base() + "/projects/" + projectId + "/interest";
        send(HttpMethod.POST, otherProject.token(), interest, null).expectStatus().isForbidden();
        send(HttpMethod.POST, pending.token(), interest, null).expectStatus().isForbidden();
        send(HttpMethod.POST, investor.token(), base() + "/projects/" + 999_999_999L + "/interest", null).expectStatus().isNotFound();
        send(HttpMethod.POST, investor.token(), interest, null).expectStatus().isOk().expectBody().jsonPath("$.interested").isEqualTo(1);
        send(HttpMethod.POST, investor.token(), interest, null).expectStatus().isOk().expectBody().jsonPath("$.interested").isEqualTo(1);
        send(HttpMethod.POST, bank.token(), interest, null).expectStatus().isOk().expectBody().jsonPath("$.interested").isEqualTo(2);
        assertThat(db.sql("select count(*) from user_notification where user_id = :u and type = 'fair-roadshow-interest'")
                .bind("u", project.userId()).map(row -> row.get(0, Long.class)).one().block()).isEqualTo(2);
        send(HttpMethod.GET, investor.token(), base(), null).expectStatus().isOk()
                .expectBody().jsonPath("$.interests[0]").isEqualTo(projectId);
    }

    @Test
    void aBurstOfQuestionsAndVotesReachesTheQaTopicAtMostTwiceAClockSecond() throws InterruptedException {
        io.livehall.fair.FairStaff asker = new io.livehall.fair.FairStaff(investor.userId(), false);
        io.livehall.fair.FairStaff voter = new io.livehall.fair.FairStaff(bank.userId(), false);
        java.util.List<Long> received = new java.util.ArrayList<>();
        try (io.livehall.realtime.RawStompClient qa = io.livehall.realtime.RawStompClient.open(port)) {
            qa.connect(investor.token());
            qa.subscribe("q", "/topic/roadshow/" + fairId + "/qa");
            long started = System.currentTimeMillis();
            // 12 questions and a vote on each, as fast as they go, while this thread reads the topic
            var burst = reactor.core.publisher.Flux.range(0, 12)
                    .flatMap(i -> roadshow.ask(fairId, asker, projectId, "问题 " + i), 12)
                    .flatMap(q -> roadshow.vote(fairId, voter, q.id()), 12)
                    .then().subscribeOn(reactor.core.scheduler.Schedulers.boundedElastic()).toFuture();
            String last = "";
            while (last.split("\"votes\":1,", -1).length - 1 < 12) {
                io.livehall.realtime.RawStompClient.Frame frame = qa.next();
                if (frame.command().equals("MESSAGE")) {
                    received.add(System.currentTimeMillis());
                    last = frame.body();
                }
            }
            io.livehall.realtime.RawStompClient.Frame more = qa.poll(java.time.Duration.ofMillis(800));
            if (more != null && more.command().equals("MESSAGE")) {
                received.add(System.currentTimeMillis());
            }
            burst.join();
            double seconds = (received.get(received.size() - 1) - started) / 1e3;
            // 24 changes, but one snapshot per 600 ms window at most: never one per change
            assertThat(received.size()).isLessThanOrEqualTo((int) Math.floor(seconds * 2) + 2);
            Map<Long, Long> perSecond = received.stream()
                    .collect(java.util.stream.Collectors.groupingBy(t -> t / 1000, java.util.stream.Collectors.counting()));
            assertThat(perSecond.values()).as("snapshots per clock second: %s", received).allMatch(n -> n <= 2);
        }
    }

    private static RealtimeUser user(long id) {
        return RealtimeUser.account(Long.toString(id), "测试", Set.of("VIEWER"));
    }
}
