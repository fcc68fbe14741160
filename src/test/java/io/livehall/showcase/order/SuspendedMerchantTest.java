package io.livehall.showcase.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import io.livehall.showcase.ShowcaseFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Issue 11 A1: a suspended merchant sells nothing new (orders, flash deals, quotes, pinning, confirming payments),
 * goes off air at once (live session ended, running deal closed at the gate and settled, unpaid orders cancelled),
 * leaves the public catalogue and schedule at once, and still ships what was paid.
 */
class SuspendedMerchantTest extends OrderTest {

    private static final String SUSPENDED = "https://livehall.io/problems/merchant-suspended";

    @Autowired
    DealGate gate;

    @Test
    void buyersCannotOrderASuspendedMerchantsProductsOrDeals() {
        OrderFixtures.LiveDeal live = fx.liveDeal("susp-buy", 1000, 50, 800, 10, 2);
        OrderFixtures.Buyer buyer = fx.buyer("susp-buy");
        FlashDeal cachedElsewhere = new FlashDeal(live.deal(), live.session(), live.merchant().id(), live.product(), "x",
                1000, 800, 10, 2, 1, Instant.now().minusSeconds(1), Instant.now().plusSeconds(299), null, null, null);

        suspend(live.merchant().id());

        fx.order(buyer.token(), "regular", OrderFixtures.productOrder(live.product(), 1)).expectStatus().isForbidden()
                .expectBody().jsonPath("$.type").isEqualTo(SUSPENDED).jsonPath("$.detail").isEqualTo("该商家已暂停营业");
        fx.order(buyer.token(), "deal", OrderFixtures.dealOrder(live.deal(), 1)).expectStatus().isForbidden()
                .expectBody().jsonPath("$.type").isEqualTo(SUSPENDED).jsonPath("$.detail").isEqualTo("该商家已暂停营业");
        // an instance that still holds the deal as it was opened is refused by the shared gate, not by its cache
        DealGate.Answer answer = blockOn(gate.take(cachedElsewhere, buyer.id(), 1, "elsewhere", gate.newToken(), null));
        assertThat(answer.outcome()).isEqualTo(DealGate.Outcome.CLOSED);
        assertThat(count("select count(*) from customer_order where buyer_id = :b", "b", buyer.id())).isZero();
        assertThat(fx.gateBuyers(live.deal())).doesNotContainKey(buyer.id());
    }

    @Test
    void suspensionEndsTheLiveSessionClosesTheDealAndCancelsUnpaidOrdersButKeepsPaidOnes() {
        OrderFixtures.LiveDeal live = fx.liveDeal("susp-off", 1000, 50, 800, 10, 2);
        String m = live.merchant().user().token();
        db.sql("insert into live_session_product (session_id, product_id, position) values (:s, :p, 0)")
                .bind("s", live.session()).bind("p", live.product()).fetch().rowsUpdated().block();
        call(m, "PUT", "/api/merchant/live-sessions/" + live.session() + "/pinned", "{\"productId\":" + live.product() + "}")
                .expectStatus().isOk();
        OrderFixtures.Buyer paid = fx.buyer("susp-paid");
        OrderFixtures.Buyer unpaid = fx.buyer("susp-unpaid");
        OrderFixtures.Buyer dealBuyer = fx.buyer("susp-deal");
        long paidOrder = orderId(fx.order(paid.token(), "p", OrderFixtures.productOrder(live.product(), 2)));
        long unpaidOrder = orderId(fx.order(unpaid.token(), "u", OrderFixtures.productOrder(live.product(), 3)));
        long dealOrder = orderId(fx.order(dealBuyer.token(), "d", OrderFixtures.dealOrder(live.deal(), 1)));
        call(m, "POST", "/api/merchant/orders/" + paidOrder + "/confirm-payment", "{\"reference\":\"BANK-1\"}")
                .expectStatus().isOk();
        assertThat(fx.stock(live.product())).isEqualTo(50 - 10 - 2 - 3);

        suspend(live.merchant().id());

        // the live session ended as if the merchant had ended it, its pinned product gone
        assertThat(count("select count(*) from live_session where id = :s and status = 'ENDED' and ended_at is not null"
                + " and pinned_product_id is null", "s", live.session())).isEqualTo(1);
        // the deal closed and settled: its 9 unsold units and every cancelled unit are back on the product
        assertThat(count("select count(*) from flash_deal where id = :d and closed_at is not null and settled_at is not null"
                + " and unsold_returned = 9", "d", live.deal())).isEqualTo(1);
        assertThat(fx.shardSum(live.deal())).isZero();
        assertThat(fx.gateStock(live.deal())).isZero();
        assertThat(fx.stock(live.product())).isEqualTo(50 - 2);
        // nobody pays a suspended merchant: unpaid orders were cancelled and the buyers told why
        for (long id : new long[] {unpaidOrder, dealOrder}) {
            assertThat(count("select count(*) from customer_order where id = :o and status = 'CANCELLED'"
                    + " and cancelled_by = 'SYSTEM' and cancel_reason = :r", "o", id, "r", OrderLifecycle.SUSPENDED_REASON))
                    .isEqualTo(1);
        }
        // what was paid is still fulfilled
        assertThat(count("select count(*) from customer_order where id = :o and status = 'PAID'", "o", paidOrder)).isEqualTo(1);
        call(m, "POST", "/api/merchant/orders/" + paidOrder + "/ship", "{\"carrier\":\"顺丰速运\",\"trackingNo\":\"SF1000000001\"}")
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("SHIPPED");
        call(paid.token(), "POST", "/api/orders/" + paidOrder + "/confirm-receipt", null)
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("COMPLETED");
        // a repeat of an order placed before the suspension still answers that order
        fx.order(paid.token(), "p", OrderFixtures.productOrder(live.product(), 2)).expectStatus().isOk()
                .expectBody().jsonPath("$.id").isEqualTo((int) paidOrder);
        // a second suspension (an organiser retrying) changes nothing more
        suspend(live.merchant().id());
        assertThat(fx.stock(live.product())).isEqualTo(48);
    }

    @Test
    void aSuspendedMerchantMayNotConfirmPaymentsPinGoLiveOrOpenDeals() {
        ShowcaseFixtures.Merchant merchant = fx.merchant("susp-self");
        String m = merchant.user().token();
        long product = fx.product(merchant.id(), 1000, 20);
        long session = fx.liveSession(merchant.id());
        db.sql("insert into live_session_product (session_id, product_id, position) values (:s, :p, 0)")
                .bind("s", session).bind("p", product).fetch().rowsUpdated().block();
        long scheduled = scheduledSession(merchant.id());
        OrderFixtures.Buyer buyer = fx.buyer("susp-self");
        long order = orderId(fx.order(buyer.token(), "k", OrderFixtures.productOrder(product, 1)));
        // suspended without the listeners running (as if they had failed): the checks hold on their own
        db.sql("update merchant set status = 'SUSPENDED' where id = :m").bind("m", merchant.id()).fetch().rowsUpdated().block();

        call(m, "POST", "/api/merchant/orders/" + order + "/confirm-payment", "{\"reference\":\"BANK-2\"}")
                .expectStatus().isForbidden().expectBody().jsonPath("$.type").isEqualTo(SUSPENDED);
        call(m, "PUT", "/api/merchant/live-sessions/" + session + "/pinned", "{\"productId\":" + product + "}")
                .expectStatus().isForbidden().expectBody().jsonPath("$.type").isEqualTo(SUSPENDED);
        call(m, "POST", "/api/merchant/live-sessions/" + scheduled + "/start", null)
                .expectStatus().isForbidden().expectBody().jsonPath("$.type").isEqualTo(SUSPENDED);
        call(m, "POST", "/api/merchant/flash-deals", """
                {"sessionId":%d,"productId":%d,"priceFen":800,"quantity":5,"perBuyerLimit":1,"durationSeconds":60}"""
                .formatted(session, product)).expectStatus().isForbidden().expectBody().jsonPath("$.type").isEqualTo(SUSPENDED);
        assertThat(count("select count(*) from customer_order where id = :o and status = 'CREATED'", "o", order)).isEqualTo(1);
        assertThat(count("select count(*) from flash_deal where merchant_id = :m", "m", merchant.id())).isZero();
        // ending the session and cancelling an unpaid order stay possible
        call(m, "POST", "/api/merchant/orders/" + order + "/cancel", null).expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("CANCELLED");
        call(m, "POST", "/api/merchant/live-sessions/" + session + "/end", null).expectStatus().isOk();
    }

    @Test
    void quotesWithASuspendedMerchantAreRefused() {
        ShowcaseFixtures showcase = new ShowcaseFixtures(http, db);
        ShowcaseFixtures.Merchant merchant = fx.merchant("susp-quote");
        long product = fx.product(merchant.id(), 20000, 100);
        ShowcaseFixtures.Account buyer = showcase.enterpriseUser("susp-quote-buyer");
        long answered = quote(buyer.token(), product, 10);
        call(merchant.user().token(), "POST", "/api/merchant/quotes/" + answered + "/answer", answer(15000)).expectStatus().isOk();
        long asked = quote(buyer.token(), product, 5);

        suspend(merchant.id());

        call(buyer.token(), "POST", "/api/quotes", "{\"productId\":%d,\"quantity\":3}".formatted(product))
                .expectStatus().isForbidden().expectBody().jsonPath("$.type").isEqualTo(SUSPENDED)
                .jsonPath("$.detail").isEqualTo("该商家已暂停营业");
        call(merchant.user().token(), "POST", "/api/merchant/quotes/" + asked + "/answer", answer(15000))
                .expectStatus().isForbidden().expectBody().jsonPath("$.type").isEqualTo(SUSPENDED);
        http.post().uri("/api/quotes/" + answered + "/accept").header("Authorization", "Bearer " + buyer.token())
                .header("Idempotency-Key", "accept-1").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"recipient\":" + OrderFixtures.RECIPIENT + "}").exchange()
                .expectStatus().isForbidden().expectBody().jsonPath("$.type").isEqualTo(SUSPENDED);
        assertThat(count("select count(*) from quote_request where id = :q and status = 'ANSWERED'", "q", answered)).isEqualTo(1);
        assertThat(count("select count(*) from quote_request where id = :q and status = 'REQUESTED'", "q", asked)).isEqualTo(1);
        assertThat(count("select count(*) from quote_request where product_id = :p", "p", product)).isEqualTo(2);
        assertThat(count("select count(*) from customer_order where product_id = :p", "p", product)).isZero();
        assertThat(fx.stock(product)).isEqualTo(100);
    }

    @Test
    void itsProductsAndScheduleLeaveTheHallAtOnceAndComeBackOnReactivation() {
        ShowcaseFixtures.Merchant merchant = fx.merchant("susp-hall");
        long product = fx.product(merchant.id(), 1000, 20);
        long scheduled = scheduledSession(merchant.id());
        String list = "/api/products?merchantId=" + merchant.id();
        // both pages cached
        http.get().uri("/api/products/" + product).exchange().expectStatus().isOk();
        http.get().uri(list).exchange().expectStatus().isOk();
        http.get().uri("/api/products/" + product).exchange().expectStatus().isOk()
                .expectHeader().valueEquals("X-Catalogue-Cache", "hit");
        http.get().uri(list).exchange().expectStatus().isOk().expectHeader().valueEquals("X-Catalogue-Cache", "hit")
                .expectBody().jsonPath("$.items[0].id").isEqualTo((int) product);
        assertThat(listed(scheduled)).isTrue();

        suspend(merchant.id());

        http.get().uri("/api/products/" + product).exchange().expectStatus().isNotFound();
        http.get().uri(list).exchange().expectStatus().isOk().expectBody().jsonPath("$.items.length()").isEqualTo(0);
        assertThat(listed(scheduled)).isFalse();

        setStatus(merchant.id(), "ACTIVE");

        http.get().uri("/api/products/" + product).exchange().expectStatus().isOk();
        http.get().uri(list).exchange().expectStatus().isOk().expectBody().jsonPath("$.items[0].id").isEqualTo((int) product);
        assertThat(listed(scheduled)).isTrue();
    }

    // ---- helpers

    private void suspend(long merchantId) {
        setStatus(merchantId, "SUSPENDED");
    }

    private void setStatus(long merchantId, String status) {
        call(organiser(), "PUT", "/api/organiser/merchants/" + merchantId + "/status", "{\"status\":\"" + status + "\"}")
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo(status);
    }

    private String organiser;

    private String organiser() {
        if (organiser == null) {
            OrderFixtures.Buyer user = fx.buyer("susp-organiser");
            db.sql("update app_user set roles = array['VIEWER', 'ORGANISER'] where id = :id").bind("id", user.id())
                    .fetch().rowsUpdated().block();
            organiser = io.livehall.identity.TestTokens.mint(context, user.id());
        }
        return organiser;
    }

    private long scheduledSession(long merchantId) {
        return db.sql("""
                        insert into live_session (merchant_id, title, starts_at, stream_url)
                        values (:m, '明晚开播', now() + interval '1 day', 'https://live.example.com/s.flv') returning id""")
                .bind("m", merchantId).map(row -> row.get(0, Long.class)).one().block();
    }

    /** Whether the public schedule lists the session (asked from just before it, so other sessions do not matter). */
    private boolean listed(long sessionId) {
        long micros = db.sql("select (extract(epoch from starts_at) * 1000000)::bigint from live_session where id = :id")
                .bind("id", sessionId).map(row -> row.get(0, Long.class)).one().block();
        Map<?, ?> body = http.get().uri("/api/live-sessions?limit=1&after=" + micros + "_" + (sessionId - 1))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        java.util.List<?> items = (java.util.List<?>) body.get("items");
        return !items.isEmpty() && ((Number) ((Map<?, ?>) items.get(0)).get("id")).longValue() == sessionId;
    }

    private long quote(String token, long product, int quantity) {
        return ((Number) call(token, "POST", "/api/quotes", "{\"productId\":%d,\"quantity\":%d}".formatted(product, quantity))
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id")).longValue();
    }

    private static String answer(long unitPriceFen) {
        return "{\"unitPriceFen\":%d,\"validUntil\":\"%s\"}".formatted(unitPriceFen, Instant.now().plus(7, ChronoUnit.DAYS));
    }

    private static long orderId(WebTestClient.ResponseSpec placed) {
        return ((Number) placed.expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id"))
                .longValue();
    }

    private WebTestClient.ResponseSpec call(String token, String method, String uri, String body) {
        WebTestClient.RequestBodySpec spec = http.method(org.springframework.http.HttpMethod.valueOf(method)).uri(uri)
                .header("Authorization", "Bearer " + token);
        return body == null ? spec.exchange() : spec.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }
}
