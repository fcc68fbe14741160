package io.livehall.showcase.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * GET /api/flash-deals/{id}/mine: the signed-in buyer's own holding of a deal (so the card can say 已达限购), counted
 * by the gate and rebuilt from PostgreSQL when Redis lost it; and the {@code sold} figure of a deal's view.
 */
class DealHoldingTest extends OrderTest {

    private org.springframework.test.web.reactive.server.WebTestClient.BodyContentSpec mine(String token, long deal) {
        return http.get().uri("/api/flash-deals/" + deal + "/mine").header("Authorization", "Bearer " + token)
                .exchange().expectStatus().isOk().expectBody();
    }

    @Test
    void aBuyerSeesOnlyTheirOwnCountUpToTheLimit() {
        OrderFixtures.LiveDeal live = fx.liveDeal("mine", 9900, 100, 5900, 20, 2);
        long deal = live.deal();
        OrderFixtures.Buyer alice = fx.buyer("mine-a");
        OrderFixtures.Buyer bob = fx.buyer("mine-b");

        mine(alice.token(), deal).jsonPath("$.dealId").isEqualTo((int) deal).jsonPath("$.perBuyerLimit").isEqualTo(2)
                .jsonPath("$.bought").isEqualTo(0).jsonPath("$.left").isEqualTo(2).jsonPath("$.limitReached").isEqualTo(false);

        fx.order(alice.token(), UUID.randomUUID().toString(), OrderFixtures.dealOrder(deal, 1)).expectStatus().isCreated();
        mine(alice.token(), deal).jsonPath("$.bought").isEqualTo(1).jsonPath("$.left").isEqualTo(1)
                .jsonPath("$.limitReached").isEqualTo(false);
        fx.order(alice.token(), UUID.randomUUID().toString(), OrderFixtures.dealOrder(deal, 1)).expectStatus().isCreated();
        mine(alice.token(), deal).jsonPath("$.bought").isEqualTo(2).jsonPath("$.left").isEqualTo(0)
                .jsonPath("$.limitReached").isEqualTo(true);

        // another buyer's count is their own: alice's purchases are not leaked
        mine(bob.token(), deal).jsonPath("$.bought").isEqualTo(0).jsonPath("$.limitReached").isEqualTo(false);
        fx.order(bob.token(), UUID.randomUUID().toString(), OrderFixtures.dealOrder(deal, 1)).expectStatus().isCreated();
        mine(bob.token(), deal).jsonPath("$.bought").isEqualTo(1);
        mine(alice.token(), deal).jsonPath("$.bought").isEqualTo(2);

        // the deal's view counts what all buyers took
        http.get().uri("/api/live-sessions/" + live.session() + "/flash-deal").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.stockLeft").isEqualTo(17).jsonPath("$.sold").isEqualTo(3);
    }

    @Test
    void guestsAreRefusedAndUnknownDealsAreNotFound() {
        OrderFixtures.LiveDeal live = fx.liveDeal("mine-guest", 9900, 100, 5900, 20, 1);
        http.get().uri("/api/flash-deals/" + live.deal() + "/mine").exchange().expectStatus().isUnauthorized();
        OrderFixtures.Buyer buyer = fx.buyer("mine-404");
        http.get().uri("/api/flash-deals/987654321/mine").header("Authorization", "Bearer " + buyer.token())
                .exchange().expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith("application/problem+json")
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).doesNotContain("Exception").contains("秒杀"));
    }

    @Test
    void aLostGateIsRebuiltSoTheCountSurvivesRedis() {
        OrderFixtures.LiveDeal live = fx.liveDeal("mine-lost", 9900, 100, 5900, 20, 1);
        OrderFixtures.Buyer buyer = fx.buyer("mine-lost");
        fx.order(buyer.token(), UUID.randomUUID().toString(), OrderFixtures.dealOrder(live.deal(), 1)).expectStatus().isCreated();
        await().atMost(Duration.ofSeconds(10)).until(() -> fx.gateReservations(live.deal()).isEmpty());
        fx.dropGate(live.deal());
        mine(buyer.token(), live.deal()).jsonPath("$.bought").isEqualTo(1).jsonPath("$.limitReached").isEqualTo(true);
    }

    @Test
    void anEndedAndSettledDealStillSaysHowManyWereSold() {
        OrderFixtures.LiveDeal live = fx.liveDeal("mine-ended", 9900, 100, 5900, 30, 5);
        OrderFixtures.Buyer buyer = fx.buyer("mine-ended");
        fx.order(buyer.token(), UUID.randomUUID().toString(), OrderFixtures.dealOrder(live.deal(), 4)).expectStatus().isCreated();
        db.sql("update flash_deal set starts_at = now() - interval '3 minutes', ends_at = now() - interval '30 seconds' where id = :d")
                .bind("d", live.deal()).fetch().rowsUpdated().block();
        await().atMost(Duration.ofSeconds(20)).until(() ->
                count("select count(*) from flash_deal where id = :d and settled_at is not null", "d", live.deal()) == 1);
        http.get().uri("/api/live-sessions/" + live.session() + "/flash-deal").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("ENDED").jsonPath("$.stockLeft").isEqualTo(0)
                .jsonPath("$.sold").isEqualTo(4);
        mine(buyer.token(), live.deal()).jsonPath("$.bought").isEqualTo(4);
    }
}
