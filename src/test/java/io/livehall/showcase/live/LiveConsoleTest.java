package io.livehall.showcase.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.livehall.realtime.RawStompClient;
import io.livehall.realtime.presence.Presence;
import io.livehall.showcase.ShowcaseFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

/**
 * Issue 12: one live session at a time per merchant unless an organiser allows more; the lineup in the merchant's
 * order (editable while scheduled or live); the console (and organisers) not counted as viewers.
 */
class LiveConsoleTest extends LiveTestSupport {

    @Autowired
    Presence presence;

    private String organiser() {
        String name = uniqueName("org");
        registerAndLogin(name, ShowcaseFixtures.PASSWORD);
        grantRoles(name, "VIEWER", "ORGANISER");
        return login(name, ShowcaseFixtures.PASSWORD);
    }

    @Test
    void aMerchantHasOneSessionLiveAtATimeUnlessAnOrganiserAllowsMore() {
        Shop shop = shop("onelive");
        String token = shop.merchant().user().token();
        long first = schedule(shop.merchant(), List.of(shop.tea()));
        long second = schedule(shop.merchant(), List.of(shop.cup()));
        long third = schedule(shop.merchant(), List.of(shop.tea()));
        start(shop.merchant(), first);

        post(token, "/api/merchant/live-sessions/" + second + "/start", null).expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith("application/problem+json")
                .expectBody().jsonPath("$.detail").isEqualTo("已有一场直播正在进行，请先下播再开播这一场");
        get(token, "/api/merchant/live-sessions/" + second).expectBody().jsonPath("$.status").isEqualTo("SCHEDULED");

        String organiser = organiser();
        String allowance = "/api/organiser/merchants/" + shop.merchant().id() + "/live-allowance";
        call(HttpMethod.PUT, organiser, allowance, Map.of("liveAllowance", 11)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("liveAllowance")
                .jsonPath("$.errors[0].message").isEqualTo("同时开播场次为 1-10");
        call(HttpMethod.PUT, token, allowance, Map.of("liveAllowance", 2)).expectStatus().isForbidden();
        call(HttpMethod.PUT, organiser, "/api/organiser/merchants/999999999/live-allowance", Map.of("liveAllowance", 2))
                .expectStatus().isNotFound();
        call(HttpMethod.PUT, organiser, allowance, Map.of("liveAllowance", 2)).expectStatus().isOk()
                .expectBody().jsonPath("$.liveAllowance").isEqualTo(2);

        start(shop.merchant(), second);
        post(token, "/api/merchant/live-sessions/" + third + "/start", null).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("2 场"));
        post(token, "/api/merchant/live-sessions/" + first + "/end", null).expectStatus().isOk();
        start(shop.merchant(), third);
    }

    @Test
    void theLineupKeepsTheMerchantsOrderAndCanBeReorderedWhileLive() {
        Shop shop = shop("order");
        String token = shop.merchant().user().token();
        long id = schedule(shop.merchant(), List.of(shop.cup(), shop.tea()));
        get(null, "/api/live-sessions/" + id).expectBody()
                .jsonPath("$.lineup[0].productId").isEqualTo(shop.cup())
                .jsonPath("$.lineup[1].productId").isEqualTo(shop.tea());
        start(shop.merchant(), id);
        call(HttpMethod.PUT, token, "/api/merchant/live-sessions/" + id + "/pinned", Map.of("productId", shop.cup()))
                .expectStatus().isOk();

        String lineup = "/api/merchant/live-sessions/" + id + "/lineup";
        call(HttpMethod.PUT, token, lineup, Map.of("productIds", List.of(shop.tea(), shop.cup()))).expectStatus().isOk()
                .expectBody().jsonPath("$.lineup[0].productId").isEqualTo(shop.tea())
                .jsonPath("$.pinned.productId").isEqualTo(shop.cup());
        get(null, "/api/live-sessions/" + id).expectBody()
                .jsonPath("$.lineup[0].productId").isEqualTo(shop.tea())
                .jsonPath("$.lineup[1].productId").isEqualTo(shop.cup());

        call(HttpMethod.PUT, token, lineup, Map.of("productIds", List.of(shop.tea()))).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("productIds");
        call(HttpMethod.PUT, token, lineup, Map.of("productIds", List.of(shop.tea(), shop.draft()))).expectStatus().isBadRequest();
        ShowcaseFixtures.Merchant other = fixtures().merchant("order-other");
        call(HttpMethod.PUT, other.user().token(), lineup, Map.of("productIds", List.of(shop.tea(), shop.cup())))
                .expectStatus().isNotFound();
        post(token, "/api/merchant/live-sessions/" + id + "/end", null).expectStatus().isOk();
        call(HttpMethod.PUT, token, lineup, Map.of("productIds", List.of(shop.cup(), shop.tea()))).expectStatus().isEqualTo(409);
    }

    @Test
    void theConsoleAndOrganisersAreNotCountedAsViewers() {
        Shop shop = shop("staff");
        long id = schedule(shop.merchant(), List.of(shop.tea()));
        start(shop.merchant(), id);
        String room = String.valueOf(id);
        String viewers = "/topic/live/" + id + "/viewers";
        ShowcaseFixtures.Merchant other = fixtures().merchant("staff-other");
        try (RawStompClient console = RawStompClient.open(port);
             RawStompClient organiser = RawStompClient.open(port);
             RawStompClient otherMerchant = RawStompClient.open(port);
             RawStompClient viewer = RawStompClient.open(port)) {
            console.connect(shop.merchant().user().token());
            console.subscribe("v", viewers);
            console.subscribe("c", "/topic/live/" + id + "/chat");
            organiser.connect(organiser());
            organiser.subscribe("v", viewers);
            // another merchant watching is a viewer like anyone else
            otherMerchant.connect(other.user().token());
            otherMerchant.subscribe("v", viewers);
            viewer.connectAsGuest(guestPass());
            viewer.subscribe("v", viewers);
            await().atMost(Duration.ofSeconds(10)).until(() -> presence.viewers("live", room).block().now() == 2);
            // still two a moment later: the staff did not join late
            await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                    .until(() -> presence.viewers("live", room).block().now() == 2);
            assertThat(presence.viewers("live", room).block().unique()).isEqualTo(2);
        }
    }
}
