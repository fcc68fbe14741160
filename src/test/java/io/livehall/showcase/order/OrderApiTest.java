package io.livehall.showcase.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.livehall.showcase.ShowcaseFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** Orders from a product page: Idempotency-Key, stock, the state machine, every role, lists and CSV. */
class OrderApiTest extends OrderTest {

    @Test
    void anOrderNeedsAnIdempotencyKeyAndValidInput() {
        ShowcaseFixtures.Merchant merchant = fx.merchant("keyless");
        long product = fx.product(merchant.id(), 1000, 5);
        OrderFixtures.Buyer buyer = fx.buyer("keyless");
        fx.order(buyer.token(), null, OrderFixtures.productOrder(product, 1)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("Idempotency-Key");
        fx.order(buyer.token(), "k1", """
                {"productId":%d,"quantity":0,"recipient":{"name":"","phone":"123","address":"x"}}""".formatted(product))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[?(@.field == 'quantity')]").exists()
                .jsonPath("$.errors[?(@.field == 'recipient.phone')]").exists()
                .jsonPath("$.errors[?(@.field == 'recipient.name')]").exists();
        fx.order(buyer.token(), "k2", """
                {"quantity":1,"recipient":%s}""".formatted(OrderFixtures.RECIPIENT))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("productId");
        http.post().uri("/api/orders").header("Idempotency-Key", "k3").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(OrderFixtures.productOrder(product, 1)).exchange().expectStatus().isUnauthorized();
        assertThat(fx.stock(product)).isEqualTo(5);
        assertThat(count("select count(*) from customer_order where buyer_id = :b", "b", buyer.id())).isZero();
    }

    @Test
    void aRepeatedKeyAnswersTheFirstOrderAndTakesStockOnce() {
        ShowcaseFixtures.Merchant merchant = fx.merchant("repeat");
        long product = fx.product(merchant.id(), 1250, 10);
        OrderFixtures.Buyer buyer = fx.buyer("repeat");
        @SuppressWarnings("unchecked") java.util.Map<String, Object> first = fx.order(buyer.token(), "same-key", OrderFixtures.productOrder(product, 2))
                .expectStatus().isCreated().expectBody(java.util.Map.class).returnResult().getResponseBody();
        assertThat(first).containsEntry("status", "CREATED").containsEntry("totalFen", 2500).containsEntry("unitPriceFen", 1250);
        Long id = ((Number) first.get("id")).longValue();
        java.util.Map<?, ?> repeat = fx.order(buyer.token(), "same-key", OrderFixtures.productOrder(product, 2))
                .expectStatus().isOk().expectBody(java.util.Map.class).returnResult().getResponseBody();
        assertThat(repeat).isEqualTo(first);
        fx.order(buyer.token(), "same-key", OrderFixtures.productOrder(product, 3)).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.type").isEqualTo("https://livehall.io/problems/idempotency-key-reused");
        assertThat(fx.stock(product)).isEqualTo(8);
        assertThat(count("select count(*) from customer_order where buyer_id = :b", "b", buyer.id())).isEqualTo(1);
        // the same key of another buyer is another order
        OrderFixtures.Buyer other = fx.buyer("repeat-other");
        fx.order(other.token(), "same-key", OrderFixtures.productOrder(product, 1)).expectStatus().isCreated();
        assertThat(fx.stock(product)).isEqualTo(7);
    }

    @Test
    void theSameKeySentTenTimesAtOnceMakesOneOrder() {
        OrderFixtures.LiveDeal live = fx.liveDeal("burst", 1000, 50, 800, 20, 1);
        long product = live.product(), deal = live.deal();
        OrderFixtures.Buyer buyer = fx.buyer("burst");
        OrderFixtures.Buyer regular = fx.buyer("burst-regular");
        String key = UUID.randomUUID().toString();
        List<Call> calls = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            calls.add(new Call(port, buyer.token(), key, OrderFixtures.dealOrder(deal, 1)));
            calls.add(new Call(port, regular.token(), key, OrderFixtures.productOrder(product, 1)));
        }
        List<Answer> answers = fire(calls);

        for (long who : List.of(buyer.id(), regular.id())) {
            assertThat(count("select count(*) from customer_order where buyer_id = :b", "b", who)).isEqualTo(1);
        }
        long dealOrder = count("select id from customer_order where buyer_id = :b", "b", buyer.id());
        long productOrder = count("select id from customer_order where buyer_id = :b", "b", regular.id());
        assertThat(answers).allSatisfy(a -> assertThat(a.status()).isIn(200, 201));
        assertThat(answers.stream().filter(a -> a.status() == 201)).hasSize(2);
        assertThat(answers.stream().map(Answer::orderId)).containsOnly(dealOrder, productOrder);
        assertThat(fx.shardSum(deal)).isEqualTo(19);
        assertThat(fx.gateStock(deal)).isEqualTo(19);
        assertThat(fx.stock(product)).isEqualTo(29);
    }

    @Test
    void outOfStockIsAConflictAndWritesNothing() {
        ShowcaseFixtures.Merchant merchant = fx.merchant("short");
        long product = fx.product(merchant.id(), 1000, 2);
        OrderFixtures.Buyer buyer = fx.buyer("short");
        fx.order(buyer.token(), "k", OrderFixtures.productOrder(product, 3)).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("https://livehall.io/problems/out-of-stock");
        assertThat(fx.stock(product)).isEqualTo(2);
        assertThat(count("select count(*) from customer_order where buyer_id = :b", "b", buyer.id())).isZero();
        db.sql("update product set status = 'OFF_SHELF' where id = :id").bind("id", product).fetch().rowsUpdated().block();
        fx.order(buyer.token(), "k2", OrderFixtures.productOrder(product, 1)).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("https://livehall.io/problems/product-not-on-sale");
        fx.order(buyer.token(), "k3", OrderFixtures.productOrder(999_999_999L, 1)).expectStatus().isNotFound();
    }

    @Test
    void ordersGoThroughTheirStatesAndOnlyTheRightPartyMovesThem() {
        ShowcaseFixtures.Merchant merchant = fx.merchant("states");
        ShowcaseFixtures.Merchant otherMerchant = fx.merchant("states-other");
        long product = fx.product(merchant.id(), 1999, 10);
        OrderFixtures.Buyer buyer = fx.buyer("states");
        OrderFixtures.Buyer stranger = fx.buyer("states-stranger");
        long id = place(buyer, product, 2);
        String m = merchant.user().token();

        // others see nothing of it
        get(stranger.token(), "/api/orders/" + id).expectStatus().isNotFound();
        get(otherMerchant.user().token(), "/api/merchant/orders/" + id).expectStatus().isNotFound();
        post(otherMerchant.user().token(), "/api/merchant/orders/" + id + "/confirm-payment", "{\"reference\":\"x\"}")
                .expectStatus().isNotFound();
        post(stranger.token(), "/api/orders/" + id + "/cancel", null).expectStatus().isNotFound();
        get(buyer.token(), "/api/merchant/orders").expectStatus().isForbidden();
        http.get().uri("/api/orders/" + id).exchange().expectStatus().isUnauthorized();
        get(otherMerchant.user().token(), "/api/merchant/orders").expectStatus().isOk()
                .expectBody().jsonPath("$.items.length()").isEqualTo(0);

        // pay instructions, then the merchant confirms receipt
        get(buyer.token(), "/api/orders/" + id + "/payment").expectStatus().isOk()
                .expectBody().jsonPath("$.method").isEqualTo("OFFLINE").jsonPath("$.amountFen").isEqualTo(3998);
        post(buyer.token(), "/api/orders/" + id + "/confirm-receipt", null).expectStatus().isEqualTo(409);
        post(m, "/api/merchant/orders/" + id + "/ship", "{\"carrier\":\"顺丰速运\",\"trackingNo\":\"SF1000000001\"}").expectStatus().isEqualTo(409);
        post(m, "/api/merchant/orders/" + id + "/confirm-payment", "{\"reference\":\"\"}").expectStatus().isBadRequest();
        post(m, "/api/merchant/orders/" + id + "/confirm-payment", "{\"reference\":\"BANK-001\"}").expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("PAID").jsonPath("$.paymentReference").isEqualTo("BANK-001");
        post(m, "/api/merchant/orders/" + id + "/confirm-payment", "{\"reference\":\"BANK-001\"}").expectStatus().isOk();
        post(m, "/api/merchant/orders/" + id + "/confirm-payment", "{\"reference\":\"BANK-002\"}").expectStatus().isEqualTo(409);
        post(buyer.token(), "/api/orders/" + id + "/cancel", null).expectStatus().isEqualTo(409);
        post(m, "/api/merchant/orders/" + id + "/cancel", "{}").expectStatus().isEqualTo(409);
        post(m, "/api/merchant/orders/" + id + "/ship", "{\"carrier\":\"\",\"trackingNo\":\"\"}").expectStatus().isBadRequest();
        post(m, "/api/merchant/orders/" + id + "/ship", "{\"carrier\":\"顺丰速运\",\"trackingNo\":\"SF1000001001\"}").expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("SHIPPED").jsonPath("$.trackingNo").isEqualTo("SF1000001001");
        post(stranger.token(), "/api/orders/" + id + "/confirm-receipt", null).expectStatus().isNotFound();
        post(buyer.token(), "/api/orders/" + id + "/confirm-receipt", null).expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("COMPLETED");
        assertThat(fx.stock(product)).isEqualTo(8);

        // cancelling a CREATED order returns its stock, once
        long second = place(buyer, product, 3);
        assertThat(fx.stock(product)).isEqualTo(5);
        post(buyer.token(), "/api/orders/" + second + "/cancel", null).expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("CANCELLED").jsonPath("$.cancelledBy").isEqualTo("BUYER");
        post(buyer.token(), "/api/orders/" + second + "/cancel", null).expectStatus().isEqualTo(409);
        assertThat(fx.stock(product)).isEqualTo(8);
        long third = place(buyer, product, 1);
        post(m, "/api/merchant/orders/" + third + "/cancel", "{\"reason\":\"缺货\"}").expectStatus().isOk()
                .expectBody().jsonPath("$.cancelledBy").isEqualTo("MERCHANT").jsonPath("$.cancelReason").isEqualTo("缺货");
        assertThat(fx.stock(product)).isEqualTo(8);
    }

    /** Issue 12, console 2: the carrier comes from the list of common carriers; the tracking number has a sane form. */
    @Test
    void shippingNeedsAListedCarrierAndAWellFormedTrackingNumber() {
        ShowcaseFixtures.Merchant merchant = fx.merchant("ship");
        long product = fx.product(merchant.id(), 1999, 10);
        OrderFixtures.Buyer buyer = fx.buyer("ship");
        long id = place(buyer, product, 1);
        String m = merchant.user().token();
        post(m, "/api/merchant/orders/" + id + "/confirm-payment", "{\"reference\":\"BANK-9\"}").expectStatus().isOk();
        String ship = "/api/merchant/orders/" + id + "/ship";

        post(m, ship, "{\"carrier\":\"随便快递\",\"trackingNo\":\"SF1234567890\"}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("carrier")
                .jsonPath("$.errors[0].message").isEqualTo("请从列表中选择快递公司");
        for (String bad : java.util.List.of("SF 123456789", "顺丰1234567890", "SF1-", "1234567")) {
            post(m, ship, "{\"carrier\":\"顺丰速运\",\"trackingNo\":\"" + bad + "\"}").expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("trackingNo")
                    .jsonPath("$.detail").value(d -> org.assertj.core.api.Assertions.assertThat((String) d).doesNotContain("java"));
        }
        get(m, "/api/merchant/orders/" + id).expectBody().jsonPath("$.status").isEqualTo("PAID");
        post(m, ship, "{\"carrier\":\"中国邮政 EMS\",\"trackingNo\":\"ea123456789cn\"}").expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("SHIPPED")
                .jsonPath("$.carrier").isEqualTo("中国邮政 EMS")
                .jsonPath("$.trackingNo").isEqualTo("EA123456789CN");
    }

    @Test
    void listsArePagedAndFilteredAndTheCsvIsReadyForExcel() {
        ShowcaseFixtures.Merchant merchant = fx.merchant("lists");
        long product = fx.product(merchant.id(), 12345, 100);
        long session = fx.liveSession(merchant.id());
        OrderFixtures.Buyer buyer = fx.buyer("lists");
        for (int i = 0; i < 3; i++) {
            place(buyer, product, 1);
        }
        fx.order(buyer.token(), "in-session", """
                {"productId":%d,"sessionId":%d,"quantity":2,"recipient":{"name":"李四, \\"老李\\"","phone":"13900000000","address":"=西安"}}"""
                .formatted(product, session)).expectStatus().isCreated();
        String m = merchant.user().token();
        get(buyer.token(), "/api/orders?limit=2").expectStatus().isOk()
                .expectBody().jsonPath("$.items.length()").isEqualTo(2).jsonPath("$.next").isNotEmpty();
        get(m, "/api/merchant/orders?sessionId=" + session).expectStatus().isOk()
                .expectBody().jsonPath("$.items.length()").isEqualTo(1).jsonPath("$.items[0].quantity").isEqualTo(2);
        get(m, "/api/merchant/orders?status=PAID").expectStatus().isOk().expectBody().jsonPath("$.items.length()").isEqualTo(0);
        get(m, "/api/merchant/orders?status=NOPE").expectStatus().isBadRequest();
        get(m, "/api/merchant/orders/figures?sessionId=" + session).expectStatus().isOk()
                .expectBody().jsonPath("$.orders").isEqualTo(1).jsonPath("$.gmvFen").isEqualTo(24690);

        byte[] csv = get(m, "/api/merchant/orders/export.csv").expectStatus().isOk()
                .expectHeader().contentType("text/csv;charset=UTF-8")
                .expectBody().returnResult().getResponseBody();
        assertThat(csv).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(csv, StandardCharsets.UTF_8).substring(1);
        String[] lines = text.split("\r\n");
        assertThat(lines).hasSize(5);
        assertThat(lines[0]).startsWith("订单号,下单时间,商品,数量,单价(元),金额(元),状态");
        assertThat(lines[1]).contains(",2,123.45,246.90,待付款,\"李四, \"\"老李\"\"\",13900000000,'=西安,");
        assertThat(lines[1].split(",")[1]).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
        long created = count("select floor(extract(epoch from created_at))::bigint from customer_order where buyer_id = :b order by id desc limit 1",
                "b", buyer.id());
        assertThat(lines[1].split(",")[1]).isEqualTo(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
                .withZone(java.time.ZoneId.of("Asia/Shanghai")).format(java.time.Instant.ofEpochSecond(created)));
        String mine = new String(get(buyer.token(), "/api/orders/export.csv").expectStatus().isOk()
                .expectBody().returnResult().getResponseBody(), StandardCharsets.UTF_8);
        assertThat(mine.split("\r\n")).hasSize(5);
        String others = new String(get(fx.merchant("lists-other").user().token(), "/api/merchant/orders/export.csv")
                .expectStatus().isOk().expectBody().returnResult().getResponseBody(), StandardCharsets.UTF_8);
        assertThat(others.split("\r\n")).hasSize(1);
    }

    @Test
    void orderAttemptsAreRateLimitedPerBuyer() {
        ShowcaseFixtures.Merchant merchant = fx.merchant("rate");
        long product = fx.product(merchant.id(), 100, 1);
        OrderFixtures.Buyer buyer = fx.buyer("rate");
        List<Call> calls = new ArrayList<>();
        for (int i = 0; i < 41; i++) {
            calls.add(new Call(port, buyer.token(), "k" + i, OrderFixtures.productOrder(product, 5)));
        }
        List<Answer> answers = fire(calls);
        assertThat(answers.stream().filter(a -> a.status() == 429)).hasSize(1);
        assertThat(answers.stream().filter(a -> a.status() == 409)).hasSize(40);
    }

    @Test
    void flashDealAttemptsCountPerBuyerAndDealInTheGatesOneCall() {
        OrderFixtures.LiveDeal live = fx.liveDeal("rate-deal", 100, 50, 90, 10, 1);
        long product = live.product(), deal = live.deal();
        OrderFixtures.Buyer buyer = fx.buyer("rate-deal");
        List<Call> calls = new ArrayList<>();
        for (int i = 0; i < 41; i++) {
            calls.add(new Call(port, buyer.token(), "d" + i, OrderFixtures.dealOrder(deal, 1)));
        }
        List<Answer> answers = fire(calls);
        assertThat(answers.stream().filter(a -> a.status() == 429)).hasSize(1)
                .allSatisfy(a -> assertThat(a.body()).contains("too-many-orders", "retryAfterSeconds"));
        assertThat(answers.stream().filter(a -> a.status() == 201)).hasSize(1);
        assertThat(answers.stream().filter(a -> a.status() == 409)).hasSize(39)
                .allSatisfy(a -> assertThat(a.body()).contains("limit-reached"));
        assertThat(count("select count(*) from customer_order where deal_id = :d", "d", deal)).isEqualTo(1);
        // counted on the buyer's counter of this deal, under the deal's hash tag (one Redis Cluster slot per deal) ...
        assertThat(fx.redis().opsForValue().get(DealKeys.attemptsKey(deal, buyer.id())).block()).isEqualTo("41");
        // ... so the buyer's product-page orders keep their own budget
        fx.order(buyer.token(), "regular", OrderFixtures.productOrder(product, 1)).expectStatus().isCreated();
    }

    private long place(OrderFixtures.Buyer buyer, long product, int quantity) {
        fx.order(buyer.token(), UUID.randomUUID().toString(), OrderFixtures.productOrder(product, quantity))
                .expectStatus().isCreated();
        return count("select max(id) from customer_order where buyer_id = :b", "b", buyer.id());
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec get(String token, String uri) {
        return http.get().uri(uri).header("Authorization", "Bearer " + token).exchange();
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec post(String token, String uri, String body) {
        var spec = http.post().uri(uri).header("Authorization", "Bearer " + token);
        return body == null ? spec.exchange() : spec.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }
}
