package io.livehall.showcase.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;


import java.time.Duration;
import java.util.UUID;

import io.livehall.showcase.ShowcaseFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Unpaid orders are cancelled after {@code livehall.orders.pay-within} and their stock returns exactly once,
 * with two instances sweeping (this test's context and a second one, both every 200 ms). Orders are placed on
 * the second instance, whose pay-within is 2 s (the paid one on this instance).
 */
class AutoCancelTest extends OrderTest {

    private static ConfigurableApplicationContext instanceB;
    private static WebTestClient httpB;

    @BeforeAll
    static void startSecondInstance() {
        instanceB = secondInstance("livehall.orders.pay-within=2s", "livehall.orders.sweep-every=200ms");
        httpB = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + portOf(instanceB))
                .responseTimeout(Duration.ofSeconds(60)).build();
    }

    @AfterAll
    static void stopSecondInstance() {
        if (instanceB != null) {
            instanceB.close();
        }
    }

    @Test
    void unpaidOrdersAreCancelledAndReturnTheirStockOncePaidOnesStay() {
        OrderFixtures.LiveDeal live = fx.liveDeal("sweep", 1000, 100, 800, 20, 5);
        ShowcaseFixtures.Merchant merchant = live.merchant();
        long product = live.product(), deal = live.deal();
        OrderFixtures.Buyer buyer = fx.buyer("sweep");
        // placed on this instance (15 minutes to pay) and paid: the sweepers must leave it alone
        fx.order(buyer.token(), UUID.randomUUID().toString(), OrderFixtures.productOrder(product, 4)).expectStatus().isCreated();
        long paid = count("select max(id) from customer_order where buyer_id = :b", "b", buyer.id());
        http.post().uri("/api/merchant/orders/" + paid + "/confirm-payment")
                .header("Authorization", "Bearer " + merchant.user().token()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"reference\":\"CASH-1\"}").exchange().expectStatus().isOk();
        // placed on the second instance: 2 seconds to pay
        long unpaid = placeOnB(buyer, OrderFixtures.productOrder(product, 3));
        long unpaidDeal = placeOnB(buyer, OrderFixtures.dealOrder(deal, 2));
        assertThat(count("select count(*) from customer_order where id in (:a, :b) and pay_by < created_at + interval '3 seconds'",
                "a", unpaid, "b", unpaidDeal)).isEqualTo(2);

        await().atMost(Duration.ofSeconds(30)).until(() ->
                count("select count(*) from customer_order where id in (:a, :b) and status = 'CANCELLED'",
                        "a", unpaid, "b", unpaidDeal) == 2);
        // and it stays returned once while both sweepers keep running
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> fx.stock(product) == 76);
        assertThat(fx.shardSum(deal)).isEqualTo(20);
        assertThat(fx.gateStock(deal)).isEqualTo(20);
        assertThat(fx.gateBuyers(deal)).doesNotContainKey(buyer.id());
        assertThat(count("select bought from flash_deal_buyer where deal_id = :d and buyer_id = :b", "d", deal, "b", buyer.id()))
                .isZero();
        assertThat(count("select count(*) from customer_order where id = :id and status = 'PAID'", "id", paid)).isEqualTo(1);
        http.get().uri("/api/orders/" + unpaid).header("Authorization", "Bearer " + buyer.token()).exchange()
                .expectBody().jsonPath("$.cancelledBy").isEqualTo("SYSTEM");
        // the buyer may buy the deal again: its units went back to the shard, the gate and the holding
        placeOnB(buyer, OrderFixtures.dealOrder(deal, 5));
    }

    private long placeOnB(OrderFixtures.Buyer buyer, String body) {
        httpB.post().uri("/api/orders").header("Authorization", "Bearer " + buyer.token())
                .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange().expectStatus().isCreated();
        return count("select max(id) from customer_order where buyer_id = :b", "b", buyer.id());
    }
}
