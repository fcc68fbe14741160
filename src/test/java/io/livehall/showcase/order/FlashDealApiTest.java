package io.livehall.showcase.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import io.livehall.realtime.RawStompClient;
import io.livehall.showcase.ShowcaseFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** Opening flash deals (rules and roles), their live state, and settlement of unsold stock. */
class FlashDealApiTest extends OrderTest {

    @Test
    void openingMovesTheQuantityFromTheProductIntoShardsAndTheGate() {
        ShowcaseFixtures.Merchant merchant = fx.merchant("open");
        long product = fx.product(merchant.id(), 9900, 500);
        long session = fx.liveSession(merchant.id());
        String body = fx.openDeal(merchant.user().token(), session, product, 5900, 100, 2);
        assertThat(body).contains("\"status\":\"OPEN\"", "\"stockLeft\":100", "\"priceFen\":5900", "\"listPriceFen\":9900");
        long deal = fx.dealOf(session);
        assertThat(fx.stock(product)).isEqualTo(400);
        assertThat(count("select count(*) from flash_deal_stock where deal_id = :d", "d", deal)).isEqualTo(16);
        assertThat(count("select max(remaining) - min(remaining) from flash_deal_stock where deal_id = :d", "d", deal)).isLessThanOrEqualTo(1);
        assertThat(fx.shardSum(deal)).isEqualTo(100);
        assertThat(fx.gateStock(deal)).isEqualTo(100);
        http.get().uri("/api/live-sessions/" + session + "/flash-deal").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.id").isEqualTo((int) deal).jsonPath("$.stockLeft").isEqualTo(100);
        http.get().uri("/api/merchant/flash-deals?sessionId=" + session).header("Authorization", "Bearer " + merchant.user().token())
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(1);
        // one deal at a time per session
        open(merchant.user().token(), session, product, 5900, 10, 1, 60).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("https://livehall.io/problems/deal-active");
        assertThat(fx.stock(product)).isEqualTo(400);
    }

    @Test
    void onlyTheSessionsMerchantOpensADealOnItsOwnOnSaleProductWhileLive() {
        ShowcaseFixtures.Merchant merchant = fx.merchant("rules");
        ShowcaseFixtures.Merchant other = fx.merchant("rules-other");
        long product = fx.product(merchant.id(), 9900, 50);
        long othersProduct = fx.product(other.id(), 9900, 50);
        long session = fx.liveSession(merchant.id());
        String token = merchant.user().token();
        OrderFixtures.Buyer viewer = fx.buyer("rules-viewer");

        http.post().uri("/api/merchant/flash-deals").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange().expectStatus().isUnauthorized();
        open(viewer.token(), session, product, 100, 10, 1, 60).expectStatus().isForbidden();
        open(other.user().token(), session, product, 100, 10, 1, 60).expectStatus().isNotFound();
        open(token, session, othersProduct, 100, 10, 1, 60).expectStatus().isNotFound();
        open(token, session, product, 100, 51, 1, 60).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("https://livehall.io/problems/out-of-stock");
        open(token, session, product, 100, 10, 1, 5).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("durationSeconds");
        open(token, session, product, 100, 10, 0, 301).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors.length()").isEqualTo(2);
        open(token, session, product, 10000, 10, 1, 60).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("priceFen");
        db.sql("update product set status = 'OFF_SHELF' where id = :id").bind("id", product).fetch().rowsUpdated().block();
        open(token, session, product, 100, 10, 1, 60).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("https://livehall.io/problems/product-not-on-sale");
        db.sql("update product set status = 'ON_SALE' where id = :id").bind("id", product).fetch().rowsUpdated().block();
        db.sql("update live_session set status = 'SCHEDULED' where id = :id").bind("id", session).fetch().rowsUpdated().block();
        open(token, session, product, 100, 10, 1, 60).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("https://livehall.io/problems/session-not-live");
        assertThat(count("select count(*) from flash_deal where session_id = :s", "s", session)).isZero();
        assertThat(fx.stock(product)).isEqualTo(50);
        http.get().uri("/api/live-sessions/" + session + "/flash-deal").exchange().expectStatus().isNoContent();
        http.get().uri("/api/merchant/flash-deals?sessionId=" + session).header("Authorization", "Bearer " + other.user().token())
                .exchange().expectStatus().isNotFound();
    }

    @Test
    void viewersSeeTheDealAndItsStockLive() throws Exception {
        ShowcaseFixtures.Merchant merchant = fx.merchant("live");
        long product = fx.product(merchant.id(), 9900, 100);
        long session = fx.liveSession(merchant.id());
        try (RawStompClient viewer = RawStompClient.open(port)) {
            viewer.connect(null);
            viewer.send("SUBSCRIBE", null, "id", "d", "destination", "/topic/live/" + session + "/deals", "receipt", "r");
            viewer.expect("RECEIPT");
            fx.openDeal(merchant.user().token(), session, product, 5900, 10, 1);
            long deal = fx.dealOf(session);
            assertThat(viewer.expect("MESSAGE").body()).contains("\"id\":" + deal, "\"stockLeft\":10", "\"status\":\"OPEN\"",
                    "\"endsAt\"");
            OrderFixtures.Buyer buyer = fx.buyer("live-buyer");
            fx.order(buyer.token(), "k", OrderFixtures.dealOrder(deal, 1)).expectStatus().isCreated();
            assertThat(viewer.expect("MESSAGE").body()).contains("\"stockLeft\":9");
        }
        // a late subscriber gets the current state at once
        try (RawStompClient late = RawStompClient.open(port)) {
            late.connect(null);
            late.send("SUBSCRIBE", null, "id", "d", "destination", "/topic/live/" + session + "/deals");
            assertThat(late.expect("MESSAGE").body()).contains("\"stockLeft\":9");
        }
    }

    @Test
    void anEndedDealReturnsItsUnsoldQuantityOnceAndLaterCancellationsGoToTheProduct() {
        OrderFixtures.LiveDeal live = fx.liveDeal("settle", 9900, 100, 5900, 40, 5);
        long product = live.product(), deal = live.deal();
        OrderFixtures.Buyer buyer = fx.buyer("settle");
        fx.order(buyer.token(), UUID.randomUUID().toString(), OrderFixtures.dealOrder(deal, 3)).expectStatus().isCreated();
        fx.order(buyer.token(), UUID.randomUUID().toString(), OrderFixtures.dealOrder(deal, 2)).expectStatus().isCreated();
        assertThat(fx.stock(product)).isEqualTo(60);

        // the deal's window passes (moved into the past rather than waiting for it)
        db.sql("update flash_deal set starts_at = now() - interval '5 minutes', ends_at = now() - interval '4 minutes' where id = :d")
                .bind("d", deal).fetch().rowsUpdated().block();
        await().atMost(Duration.ofSeconds(20)).until(() ->
                count("select count(*) from flash_deal where id = :d and settled_at is not null", "d", deal) == 1);
        assertThat(count("select unsold_returned from flash_deal where id = :d", "d", deal)).isEqualTo(35);
        assertThat(fx.stock(product)).isEqualTo(95);
        assertThat(fx.shardSum(deal)).isZero();
        assertThat(fx.gateStock(deal)).isZero();
        // settling again (any instance, any time) changes nothing
        blockOn(context.getBean(FlashDealService.class).settle(deal).thenReturn(true));
        assertThat(fx.stock(product)).isEqualTo(95);

        // a deal order cancelled after settlement gives its units to the product, not to the closed deal
        long order = count("select min(id) from customer_order where deal_id = :d", "d", deal);
        http.post().uri("/api/orders/" + order + "/cancel").header("Authorization", "Bearer " + buyer.token())
                .exchange().expectStatus().isOk();
        assertThat(fx.stock(product)).isEqualTo(98);
        assertThat(fx.shardSum(deal)).isZero();
        // and orders for an ended deal are refused
        fx.order(buyer.token(), UUID.randomUUID().toString(), OrderFixtures.dealOrder(deal, 1)).expectStatus().isEqualTo(409);
    }

    @Test
    void anUpcomingDealShowsItsStartAndRefusesOrdersUntilThen() {
        ShowcaseFixtures.Merchant merchant = fx.merchant("soon");
        long product = fx.product(merchant.id(), 9900, 100);
        long session = fx.liveSession(merchant.id());
        http.post().uri("/api/merchant/flash-deals").header("Authorization", "Bearer " + merchant.user().token())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("""
                        {"sessionId":%d,"productId":%d,"priceFen":5900,"quantity":10,"perBuyerLimit":1,
                         "startsAt":"%s","durationSeconds":30}""".formatted(session, product,
                        java.time.Instant.now().plusSeconds(120)))
                .exchange().expectStatus().isCreated().expectBody().jsonPath("$.status").isEqualTo("UPCOMING");
        long deal = fx.dealOf(session);
        assertThat(fx.stock(product)).isEqualTo(90);
        OrderFixtures.Buyer buyer = fx.buyer("soon");
        fx.order(buyer.token(), "early", OrderFixtures.dealOrder(deal, 1)).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("https://livehall.io/problems/deal-not-started");
        assertThat(fx.gateStock(deal)).isEqualTo(10);
        http.get().uri("/api/live-sessions/" + session + "/flash-deal").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UPCOMING");
        // more than an hour ahead is not "soon"
        http.post().uri("/api/merchant/flash-deals").header("Authorization", "Bearer " + merchant.user().token())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("""
                        {"sessionId":%d,"productId":%d,"priceFen":5900,"quantity":10,"perBuyerLimit":1,
                         "startsAt":"%s","durationSeconds":30}""".formatted(fx.liveSession(merchant.id()), product,
                        java.time.Instant.now().plusSeconds(7200)))
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("startsAt");
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec open(String token, long session, long product,
                                                                                      long price, int quantity, int limit,
                                                                                      int seconds) {
        return http.post().uri("/api/merchant/flash-deals").header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("""
                        {"sessionId":%d,"productId":%d,"priceFen":%d,"quantity":%d,"perBuyerLimit":%d,"durationSeconds":%d}"""
                        .formatted(session, product, price, quantity, limit, seconds))
                .exchange();
    }
}
