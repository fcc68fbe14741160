package io.livehall.fair.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import io.livehall.IntegrationTest;
import io.livehall.fair.FairFixtures;
import io.livehall.fair.ListingSide;
import io.livehall.fair.ParticipantRole;
import io.livehall.fair.ParticipantStatus;
import io.livehall.identity.EnterpriseSize;
import io.livehall.identity.SpecialisationTier;
import io.livehall.realtime.SecondInstance;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The matches page is kept near on each instance (MatchPages) and served from there, yet a change made through the
 * other instance shows here within moments: an organiser's manual match, a counterpart's edited listing (matching
 * reruns it on that instance), a participant's approval withdrawn.
 */
class MatchPagesTwoInstancesTest extends IntegrationTest {

    /** the announcement crosses Redis pub/sub: milliseconds; the bound leaves room for a busy test machine */
    private static final Duration CROSSING = Duration.ofSeconds(5);

    private static WebTestClient onB;

    @Autowired
    ApplicationContext context;
    @Autowired
    MatchingRuns runs;
    @Autowired
    MeterRegistry meters;

    @BeforeAll
    static void secondInstance() {
        onB = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + SecondInstance.port())
                .responseTimeout(Duration.ofSeconds(30)).build();
    }

    private static WebTestClient.ResponseSpec send(WebTestClient on, HttpMethod method, String token, String uri,
                                                   Object body) {
        var spec = on.method(method).uri(uri).header("Authorization", "Bearer " + token);
        return body == null ? spec.exchange() : spec.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private Map<?, ?> page(String token) {
        return send(http, HttpMethod.GET, token, "/api/fairs/" + fair + "/matches", null).expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    private static List<?> list(Map<?, ?> body, String field) {
        return (List<?>) body.get(field);
    }

    private static Object counterpartTitle(Map<?, ?> page) {
        return ((Map<?, ?>) ((Map<?, ?>) list(page, "matches").get(0)).get("counterpart")).get("title");
    }

    private double hits() {
        return meters.counter("livehall.cache.near", "cache", MatchPages.PAGES, "result", "hit").count();
    }

    long fair;

    @Test
    void changesThroughTheOtherInstanceShowHereThoughThePageIsKept() {
        FairFixtures fx = new FairFixtures(db, context);
        FairFixtures.Account organiser = fx.account("ORGANISER");
        fair = fx.fair(organiser.id());
        FairFixtures.Member supplier = fx.enterprise("合肥精铸科技有限公司", "安徽省合肥市", "汽车零部件",
                EnterpriseSize.SMALL, SpecialisationTier.SPECIALISED);
        FairFixtures.Member buyer = fx.enterprise("江淮整车采购中心", "安徽省合肥市", "汽车制造", EnterpriseSize.LARGE,
                SpecialisationTier.NONE);
        FairFixtures.Member tea = fx.enterprise("黄山茶业采购商", "安徽省黄山市", "茶叶", EnterpriseSize.MEDIUM,
                SpecialisationTier.NONE);
        fx.participant(fair, supplier, ParticipantRole.SUPPLIER, ParticipantStatus.APPROVED);
        long buyerId = fx.participant(fair, buyer, ParticipantRole.BUYER, ParticipantStatus.APPROVED);
        long teaId = fx.participant(fair, tea, ParticipantRole.BUYER, ParticipantStatus.APPROVED);
        long castings = fx.listing(supplier, ListingSide.SUPPLY, "供应铝合金压铸件", "可为新能源汽车提供电池壳体和电机壳体",
                "C367", "安徽省合肥市", List.of("铝合金", "压铸"));
        fx.listing(buyer, ListingSide.DEMAND, "采购新能源汽车铝合金压铸壳体", "电机壳体，年需求十万件", "C367",
                "安徽省合肥市", List.of("压铸"));
        runs.full(fair).block();

        double before = hits();
        assertThat(counterpartTitle(page(buyer.token()))).isEqualTo("供应铝合金压铸件");
        assertThat(list(page(buyer.token()), "recommended")).isEmpty();
        assertThat(hits()).as("the second read was served from the near cache").isGreaterThan(before);

        // an organiser matches the buyer by hand through B: A's kept page shows the recommendation
        send(onB, HttpMethod.POST, organiser.token(), "/api/organiser/fairs/" + fair + "/matches",
                Map.of("participantA", buyerId, "participantB", teaId, "note", "都关注新能源")).expectStatus().isCreated();
        await("A shows the manual match made through B").atMost(CROSSING)
                .until(() -> list(page(buyer.token()), "recommended").size() == 1);

        // the supplier renames its listing through B: B's matching reruns it and A's page shows the new title
        send(onB, HttpMethod.PUT, supplier.token(), "/api/me/listings/" + castings, Map.of("side", "SUPPLY",
                "title", "供应新能源铝合金压铸件", "description", "可为新能源汽车提供电池壳体和电机壳体", "category", "C367",
                "keywords", List.of("铝合金", "压铸"), "region", "安徽省合肥市",
                "validUntil", Instant.now().plus(30, ChronoUnit.DAYS).toString())).expectStatus().isOk();
        await("A shows the counterpart's listing as edited on B").atMost(CROSSING)
                .until(() -> "供应新能源铝合金压铸件".equals(counterpartTitle(page(buyer.token()))));

        // the organisers withdraw the buyer's approval through B: A stops answering from its kept standing
        send(onB, HttpMethod.POST, organiser.token(), "/api/organiser/fair-participants/" + buyerId + "/reject",
                Map.of("reason", "资料不全")).expectStatus().isOk();
        await("A refuses the buyer once B rejected it").atMost(CROSSING)
                .until(() -> send(http, HttpMethod.GET, buyer.token(), "/api/fairs/" + fair + "/matches", null)
                        .returnResult(String.class).getStatus().value() == 403);
    }
}
