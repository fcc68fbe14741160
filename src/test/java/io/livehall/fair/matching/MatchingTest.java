package io.livehall.fair.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.livehall.IntegrationTest;
import io.livehall.fair.FairActivity;
import io.livehall.fair.FairFigure;
import io.livehall.fair.FairFixtures;
import io.livehall.fair.FairKind;
import io.livehall.fair.FairVisibility;
import io.livehall.fair.ListingSide;
import io.livehall.fair.ParticipantRole;
import io.livehall.fair.ParticipantStatus;
import io.livehall.identity.EnterpriseSize;
import io.livehall.identity.SpecialisationTier;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;

/** Matches end to end: a full run, what participants and organisers see, who may see it, manual matches, the KPI. */
class MatchingTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    MatchingRuns runs;
    @Autowired
    MatchFigures figures;
    @Autowired
    FairActivity activity;

    FairFixtures fx;
    FairFixtures.Account organiser;
    long fair;
    FairFixtures.Member supplier;
    FairFixtures.Member buyer;
    FairFixtures.Member pending;
    FairFixtures.Member teaBuyer;
    long supplierId;
    long teaBuyerId;
    long pendingId;
    long castings;
    long housings;

    @BeforeEach
    void fair() {
        fx = new FairFixtures(db, context);
        organiser = fx.account("ORGANISER");
        fair = fx.fair(organiser.id());
        supplier = fx.enterprise("合肥精铸科技有限公司", "安徽省合肥市", "汽车零部件", EnterpriseSize.SMALL,
                SpecialisationTier.SPECIALISED);
        buyer = fx.enterprise("江淮整车采购中心", "安徽省合肥市", "汽车制造", EnterpriseSize.LARGE, SpecialisationTier.NONE);
        pending = fx.enterprise("待审压铸厂", "安徽省合肥市", "汽车零部件", EnterpriseSize.SMALL, SpecialisationTier.NONE);
        teaBuyer = fx.enterprise("黄山茶业采购商", "安徽省黄山市", "茶叶", EnterpriseSize.MEDIUM, SpecialisationTier.NONE);
        supplierId = fx.participant(fair, supplier, ParticipantRole.SUPPLIER, ParticipantStatus.APPROVED);
        fx.participant(fair, buyer, ParticipantRole.BUYER, ParticipantStatus.APPROVED);
        pendingId = fx.participant(fair, pending, ParticipantRole.SUPPLIER, ParticipantStatus.PENDING);
        teaBuyerId = fx.participant(fair, teaBuyer, ParticipantRole.BUYER, ParticipantStatus.APPROVED);
        castings = fx.listing(supplier, ListingSide.SUPPLY, "供应铝合金压铸件", "可为新能源汽车提供电池壳体和电机壳体",
                "C367", "安徽省合肥市", List.of("铝合金", "压铸"));
        housings = fx.listing(buyer, ListingSide.DEMAND, "采购新能源汽车铝合金压铸壳体", "电机壳体，年需求十万件",
                "C367", "安徽省合肥市", List.of("压铸"));
        fx.listing(pending, ListingSide.SUPPLY, "压铸件加工", "铝合金压铸", "C367", "安徽省合肥市", List.of("压铸"));
        fx.listing(teaBuyer, ListingSide.DEMAND, "采购黄山毛峰茶叶", "明前绿茶", "C153", "安徽省黄山市", List.of("茶叶"));
        runs.full(fair).block();
    }

    @Test
    void anApprovedParticipantSeesItsRankedMatchesWithTheScoreParts() {
        Map<?, ?> body = get("/api/fairs/" + fair + "/matches", buyer.token());
        List<Map<String, Object>> matches = list(body.get("matches"));
        assertThat(matches).hasSize(1);
        Map<String, Object> match = matches.get(0);
        assertThat(match.get("listingId")).isEqualTo((int) housings);
        assertThat(((Map<?, ?>) match.get("counterpart")).get("listingId")).isEqualTo((int) castings);
        assertThat(((Map<?, ?>) match.get("counterpart")).get("enterpriseName")).isEqualTo("合肥精铸科技有限公司");
        String sentence = String.join(" · ", list(match.get("parts")).stream().map(p -> (String) p.get("text")).toList());
        assertThat(sentence).startsWith("同属汽车零部件及配件制造 · 关键词：")
                .contains("铝合金", "压铸", "电机壳体").contains("同在合肥").contains("中小企业对接大型企业");
        assertThat(match).doesNotContainKey("explanation"); // the parts say it: the page stays a fifth smaller
        int sum = list(match.get("parts")).stream().mapToInt(p -> (Integer) p.get("points")).sum();
        assertThat(match.get("score")).isEqualTo(sum);
        assertThat(sum).isGreaterThanOrEqualTo(MatchWeights.THRESHOLD);

        Map<?, ?> mine = get("/api/fairs/" + fair + "/matches?listingId=" + castings, supplier.token());
        assertThat(list(mine.get("matches"))).extracting(m -> (Object) ((Map<?, ?>) m.get("counterpart")).get("listingId"))
                .containsExactly((int) housings);
        assertThat(list(get("/api/fairs/" + fair + "/matches", teaBuyer.token()).get("matches"))).isEmpty();
    }

    @Test
    void onlyApprovedParticipantsSeeMatchesAndOnlyOfTheirOwnListings() {
        http.get().uri("/api/fairs/" + fair + "/matches").header("Authorization", "Bearer " + pending.token())
                .exchange().expectStatus().isForbidden();
        var outsider = fx.enterprise("局外企业");
        http.get().uri("/api/fairs/" + fair + "/matches").header("Authorization", "Bearer " + outsider.token())
                .exchange().expectStatus().isForbidden();
        http.get().uri("/api/fairs/" + fair + "/matches?listingId=" + castings)
                .header("Authorization", "Bearer " + buyer.token()).exchange().expectStatus().isNotFound();
        http.get().uri("/api/fairs/" + fair + "/matches?listingId=abc")
                .header("Authorization", "Bearer " + buyer.token()).exchange().expectStatus().isBadRequest();
        http.get().uri("/api/fairs/" + fair + "/matches").exchange().expectStatus().isUnauthorized();
        long closed = fx.fair(organiser.id(), FairKind.CHAIN, FairVisibility.CLOSED);
        http.get().uri("/api/fairs/" + closed + "/matches").header("Authorization", "Bearer " + buyer.token())
                .exchange().expectStatus().isNotFound();
        http.get().uri("/api/fairs/99999999/matches").header("Authorization", "Bearer " + buyer.token())
                .exchange().expectStatus().isNotFound();
    }

    @Test
    void organisersSeePairsAndTheUnmatchedAndMatchByHand() {
        String base = "/api/organiser/fairs/" + fair + "/matches";
        Map<?, ?> summary = get(base, organiser.token());
        assertThat(summary.get("approved")).isEqualTo(3);
        assertThat(summary.get("pairs")).isEqualTo(1);
        assertThat(summary.get("unmatched")).isEqualTo(1);
        assertThat(((Map<?, ?>) summary.get("lastRun")).get("listings")).isEqualTo(3);
        assertThat(list(get(base + "/unmatched", organiser.token()).get("items")))
                .extracting(p -> (Object) p.get("participantId")).containsExactly((int) teaBuyerId);
        List<Map<String, Object>> pairs = list(get(base + "/pairs", organiser.token()).get("items"));
        assertThat(pairs).hasSize(1);
        assertThat(pairs.get(0).get("manual")).isEqualTo(false);
        assertThat(pairs.get(0).get("bestScore")).isNotNull();

        post(base, organiser.token(), manual(supplierId, teaBuyerId, "茶叶包装可用压铸礼盒")).expectStatus().isCreated()
                .expectBody().jsonPath("$.manual").isEqualTo(true).jsonPath("$.note").isEqualTo("茶叶包装可用压铸礼盒");
        post(base, organiser.token(), manual(teaBuyerId, supplierId, "再来一次")).expectStatus().isEqualTo(409);
        assertThat(list(get(base + "/unmatched", organiser.token()).get("items"))).isEmpty();
        assertThat(figures.figures(fair).block()).isEqualTo(Map.of(FairFigure.MATCHES, 2L));
        Map<?, ?> seen = get("/api/fairs/" + fair + "/matches", teaBuyer.token());
        assertThat(list(seen.get("recommended"))).extracting(r -> (Object) r.get("enterpriseName"))
                .containsExactly("合肥精铸科技有限公司");

        post(base, organiser.token(), manual(supplierId, pendingId, "未审核")).expectStatus().isEqualTo(422);
        post(base, organiser.token(), manual(supplierId, supplierId, "自己")).expectStatus().isBadRequest();
        long otherFair = fx.fair(organiser.id());
        long elsewhere = fx.participant(otherFair, fx.enterprise("别场企业"), ParticipantRole.BUYER,
                ParticipantStatus.APPROVED);
        post(base, organiser.token(), manual(supplierId, elsewhere, "别场")).expectStatus().isNotFound();
        post(base, organiser.token(), manual(supplierId, teaBuyerId, "含\u0000字符")).expectStatus().isBadRequest();
        post(base, organiser.token(), manual(supplierId, teaBuyerId, "长".repeat(501))).expectStatus().isBadRequest();
        post(base, organiser.token(), "{\"participantA\":99999999999999999999,\"participantB\":1,\"note\":\"x\"}")
                .expectStatus().isBadRequest();
        post(base, organiser.token(), "{\"participantB\":1,\"note\":\"x\"}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("participantA");

        assertThat(http.get().uri(base + "/participants?q=茶业").header("Authorization", "Bearer " + organiser.token())
                .exchange().expectStatus().isOk().expectBody(List.class).returnResult().getResponseBody())
                .extracting(p -> (Object) ((Map<?, ?>) p).get("participantId")).containsExactly((int) teaBuyerId);
        http.get().uri(base + "/participants?q=").header("Authorization", "Bearer " + organiser.token())
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("q");
        http.get().uri(base + "/participants?q=" + "长".repeat(51)).header("Authorization", "Bearer " + organiser.token())
                .exchange().expectStatus().isBadRequest();
        http.get().uri(b -> b.path(base + "/participants").queryParam("q", "a\u0000b").build()).header("Authorization", "Bearer " + organiser.token())
                .exchange().expectStatus().isBadRequest();
        http.get().uri(base + "/participants?q=待审").header("Authorization", "Bearer " + organiser.token())
                .exchange().expectStatus().isOk().expectBody().json("[]");

        var otherOrganiser = fx.account("ORGANISER");
        http.get().uri(base + "/participants?q=茶业").header("Authorization", "Bearer " + otherOrganiser.token())
                .exchange().expectStatus().isNotFound();
        http.get().uri(base).header("Authorization", "Bearer " + otherOrganiser.token()).exchange()
                .expectStatus().isNotFound();
        post(base, otherOrganiser.token(), manual(supplierId, teaBuyerId, "越权")).expectStatus().isNotFound();
        post(base + "/recompute", otherOrganiser.token(), "").expectStatus().isNotFound();
        http.get().uri(base).header("Authorization", "Bearer " + buyer.token()).exchange().expectStatus().isForbidden();
    }

    @Test
    void aChangedListingIsMatchedByTheListenerAndTheRecomputeButtonRunsInTheBackground() {
        var second = fx.enterprise("芜湖压铸件公司", "安徽省芜湖市", "汽车零部件", EnterpriseSize.MEDIUM, SpecialisationTier.NONE);
        fx.participant(fair, second, ParticipantRole.SUPPLIER, ParticipantStatus.APPROVED);
        long added = fx.listing(second, ListingSide.SUPPLY, "铝合金压铸壳体", "新能源汽车电机壳体", "C367", "安徽省芜湖市",
                List.of("压铸"));
        activity.changed(0, FairActivity.What.LISTING, added);
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(list(get("/api/fairs/" + fair + "/matches", buyer.token()).get("matches")))
                        .extracting(m -> (Object) ((Map<?, ?>) m.get("counterpart")).get("listingId")).contains((int) added));

        Map<?, ?> first = get("/api/fairs/" + fair + "/matches?limit=1", buyer.token());
        assertThat(list(first.get("matches"))).hasSize(1);
        Map<?, ?> next = get("/api/fairs/" + fair + "/matches?limit=1&after=" + first.get("next"), buyer.token());
        assertThat(list(next.get("matches"))).hasSize(1);
        assertThat(next.get("next")).isNull();
        assertThat(List.of(list(first.get("matches")).get(0).get("score"), list(next.get("matches")).get(0).get("score")))
                .isSortedAccordingTo((a, b) -> Integer.compare((Integer) b, (Integer) a));
        assertThat(list(first.get("matches")).get(0).get("counterpart"))
                .isNotEqualTo(list(next.get("matches")).get(0).get("counterpart"));
        http.get().uri("/api/fairs/" + fair + "/matches?after=1_2").header("Authorization", "Bearer " + buyer.token())
                .exchange().expectStatus().isBadRequest();

        post("/api/organiser/fairs/" + fair + "/matches/recompute", organiser.token(), "").expectStatus().isAccepted()
                .expectBody().jsonPath("$.queued").isEqualTo(true);
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Map<?, ?> run = (Map<?, ?>) get("/api/organiser/fairs/" + fair + "/matches", organiser.token()).get("lastRun");
            assertThat(run.get("finishedAt")).isNotNull();
            assertThat(run.get("listings")).isEqualTo(4);
        });
    }

    private static String manual(long a, long b, String note) {
        return "{\"participantA\":%d,\"participantB\":%d,\"note\":\"%s\"}".formatted(a, b,
                note.replace("\u0000", "\\u0000"));
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec post(String uri, String token,
                                                                                         String body) {
        return http.post().uri(uri).header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange();
    }

    private Map<?, ?> get(String uri, String token) {
        return http.get().uri(uri).header("Authorization", "Bearer " + token).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }
}
