package io.livehall.showcase.merchant;

import static org.assertj.core.api.Assertions.assertThat;

import io.livehall.common.error.ApiProblem;
import io.livehall.realtime.RawStompClient;
import io.livehall.showcase.ShowcaseFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.test.StepVerifier;

class MerchantAdminApiTest extends OnboardingTest {

    @Autowired
    MerchantAccess access;

    @Test
    void organisersSuspendAndReactivateMerchants() {
        String organiser = organiserToken();
        ShowcaseFixtures.Merchant merchant = fixtures().tradingMerchant("suspend");
        try (RawStompClient stomp = RawStompClient.open(port)) {
            stomp.connect(merchant.user().token());
            stomp.subscribe("n", "/user/queue/notifications");
            setStatus(organiser, merchant.id(), "SUSPENDED").expectStatus().isOk()
                    .expectBody().jsonPath("$.status").isEqualTo("SUSPENDED").jsonPath("$.trading").isEqualTo(false);
            assertThat(stomp.expect("MESSAGE").body()).contains("\"type\":\"merchant\"", "\"status\":\"SUSPENDED\"");
        }
        StepVerifier.create(access.requireTrading(merchant.user().id()))
                .expectErrorSatisfies(e -> assertThat(((ApiProblem) e).getBody().getType())
                        .hasToString(ApiProblem.TYPE_BASE + "merchant-suspended"))
                .verify();
        http.get().uri("/api/merchant/profile").headers(h -> h.setBearerAuth(merchant.user().token())).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("SUSPENDED");
        http.get().uri("/api/organiser/merchants?status=SUSPENDED&limit=100").headers(h -> h.setBearerAuth(organiser))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.items[?(@.id == " + merchant.id() + ")].enterprise.creditCode").exists();

        setStatus(organiser, merchant.id(), "ACTIVE").expectStatus().isOk()
                .expectBody().jsonPath("$.trading").isEqualTo(true).jsonPath("$.agreementsAccepted").isEqualTo(true);
        StepVerifier.create(access.requireTrading(merchant.user().id())).expectNextCount(1).verifyComplete();
        setStatus(organiser, Long.MAX_VALUE, "ACTIVE").expectStatus().isNotFound();
        setStatus(organiser, merchant.id(), "CLOSED").expectStatus().isBadRequest();
    }

    @Test
    void merchantsAndViewersMayNotManageMerchants() {
        ShowcaseFixtures.Merchant merchant = fixtures().tradingMerchant("self");
        setStatus(null, merchant.id(), "SUSPENDED").expectStatus().isUnauthorized();
        setStatus(merchant.user().token(), merchant.id(), "SUSPENDED").expectStatus().isForbidden();
        http.get().uri("/api/organiser/merchants").headers(h -> h.setBearerAuth(merchant.user().token())).exchange()
                .expectStatus().isForbidden();
        assertThat(count("select count(*) from merchant where id = :m and status = 'ACTIVE'", "m", merchant.id())).isEqualTo(1);
    }

    @Test
    void listsMerchantsNewestFirstInKeysetPages() {
        String organiser = organiserToken();
        long older = fixtures().tradingMerchant("list-a").id();
        long newer = fixtures().tradingMerchant("list-b").id();
        Page first = http.get().uri("/api/organiser/merchants?limit=1").headers(h -> h.setBearerAuth(organiser))
                .exchange().expectStatus().isOk().expectBody(Page.class).returnResult().getResponseBody();
        assertThat(first.items()).singleElement().extracting(Item::id).isEqualTo(newer);
        Page second = http.get().uri("/api/organiser/merchants?limit=1&after=" + first.next())
                .headers(h -> h.setBearerAuth(organiser))
                .exchange().expectStatus().isOk().expectBody(Page.class).returnResult().getResponseBody();
        assertThat(second.items()).singleElement().extracting(Item::id).isEqualTo(older);
    }

    private WebTestClient.ResponseSpec setStatus(String token, long id, String status) {
        return http.put().uri("/api/organiser/merchants/{id}/status", id).headers(h -> {
                    if (token != null) {
                        h.setBearerAuth(token);
                    }
                })
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"status\":\"" + status + "\"}").exchange();
    }

    record Item(long id) {
    }

    record Page(java.util.List<Item> items, String next) {
    }
}
