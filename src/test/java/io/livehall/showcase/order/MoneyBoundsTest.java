package io.livehall.showcase.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import io.livehall.common.error.ApiProblem;
import io.livehall.showcase.ShowcaseFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.test.StepVerifier;

/**
 * Issue 11 A2: money and quantities are bounded in the request (400 naming the field), in the services (a total
 * above 1 亿元 is refused, never computed wrong) and in the database (CHECK constraints of V9).
 */
class MoneyBoundsTest extends OrderTest {

    /** ⌈Long.MAX_VALUE / 3⌉: three of them overflow a long to a negative total. */
    private static final String OVERFLOW = "3074457345618258603";

    @Autowired
    Payments payments;

    @Test
    void aQuoteAnswerThatWouldOverflowIsRefusedAndAcceptedTotalsAreExact() {
        ShowcaseFixtures.Merchant merchant = fx.merchant("bound-quote");
        long product = fx.product(merchant.id(), 20000, 100);
        ShowcaseFixtures.Account buyer = new ShowcaseFixtures(http, db).enterpriseUser("bound-quote-buyer");
        long quote = ((Number) call(buyer.token(), "POST", "/api/quotes", "{\"productId\":%d,\"quantity\":11}".formatted(product))
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id")).longValue();
        String m = merchant.user().token();

        field(call(m, "POST", "/api/merchant/quotes/" + quote + "/answer", answer(OVERFLOW)), "unitPriceFen");
        // each factor in range, the total (11 × ¥10,000,000) above 1 亿元
        field(call(m, "POST", "/api/merchant/quotes/" + quote + "/answer", answer("1000000000")), "unitPriceFen");
        assertThat(count("select count(*) from quote_request where id = :q and status = 'REQUESTED' and unit_price_fen is null",
                "q", quote)).isEqualTo(1);

        call(m, "POST", "/api/merchant/quotes/" + quote + "/answer", answer("900000000")).expectStatus().isOk()
                .expectBody().jsonPath("$.totalFen").isEqualTo(9_900_000_000L);
        http.post().uri("/api/quotes/" + quote + "/accept").header("Authorization", "Bearer " + buyer.token())
                .header("Idempotency-Key", "accept").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"recipient\":" + OrderFixtures.RECIPIENT + "}").exchange()
                .expectStatus().isCreated().expectBody().jsonPath("$.totalFen").isEqualTo(9_900_000_000L);
    }

    @Test
    void overflowingValuesInEveryMoneyAndQuantityFieldAreRefusedNamingTheField() {
        OrderFixtures.LiveDeal live = fx.liveDeal("bound-fields", 30_000_000, 50, 800, 10, 2);
        String m = live.merchant().user().token();
        OrderFixtures.Buyer buyer = fx.buyer("bound-fields");
        ShowcaseFixtures.Account enterprise = new ShowcaseFixtures(http, db).enterpriseUser("bound-fields-buyer");

        // products
        for (String field : new String[] {"priceFen", "stock"}) {
            field(call(m, "POST", "/api/merchant/products", product(field, OVERFLOW)), field);
        }
        field(call(m, "POST", "/api/merchant/products", product("priceFen", "1000000001")), "priceFen");
        assertThat(count("select count(*) from product where merchant_id = :m", "m", live.merchant().id())).isEqualTo(1);

        // orders
        field(fx.order(buyer.token(), "o1", """
                {"productId":%d,"quantity":%s,"recipient":%s}""".formatted(live.product(), OVERFLOW, OrderFixtures.RECIPIENT)),
                "quantity");
        field(fx.order(buyer.token(), "o2", """
                {"dealId":%d,"quantity":%s,"recipient":%s}""".formatted(live.deal(), OVERFLOW, OrderFixtures.RECIPIENT)),
                "quantity");
        assertThat(count("select count(*) from customer_order where buyer_id = :b", "b", buyer.id())).isZero();

        // flash deals (the session's deal is still running, so a valid one would be refused with 409, not 400)
        for (String field : new String[] {"priceFen", "quantity", "perBuyerLimit"}) {
            field(call(m, "POST", "/api/merchant/flash-deals", deal(live, field, OVERFLOW)), field);
        }
        field(call(m, "POST", "/api/merchant/flash-deals", deal(live, "priceFen", "1000000001")), "priceFen");
        // ¥200,000 × 1000 per buyer is above what one order may total
        field(call(m, "POST", "/api/merchant/flash-deals",
                deal(live, "priceFen", "20000000").replace("\"perBuyerLimit\":1", "\"perBuyerLimit\":1000")), "perBuyerLimit");
        assertThat(count("select count(*) from flash_deal where session_id = :s", "s", live.session())).isEqualTo(1);

        // quotes
        field(call(enterprise.token(), "POST", "/api/quotes",
                "{\"productId\":%d,\"quantity\":%s}".formatted(live.product(), OVERFLOW)), "quantity");
        assertThat(count("select count(*) from quote_request where buyer_id = :b", "b", enterprise.id())).isZero();

        // a payment provider's amount
        StepVerifier.create(payments.confirmPaid(1, "OFFLINE", "ref", Long.parseLong(OVERFLOW)))
                .expectErrorSatisfies(e -> assertThat(((ApiProblem) e).getStatusCode().value()).isEqualTo(400))
                .verify();
    }

    @Test
    void anOrderWhoseTotalIsAboveTheBoundIsRefused() {
        ShowcaseFixtures.Merchant merchant = fx.merchant("bound-total");
        long product = fx.product(merchant.id(), 1_000_000_000L, 100);
        OrderFixtures.Buyer buyer = fx.buyer("bound-total");
        field(fx.order(buyer.token(), "eleven", OrderFixtures.productOrder(product, 11)), "quantity");
        assertThat(fx.stock(product)).isEqualTo(100);
        fx.order(buyer.token(), "ten", OrderFixtures.productOrder(product, 10)).expectStatus().isCreated()
                .expectBody().jsonPath("$.totalFen").isEqualTo(10_000_000_000L);
    }

    @Test
    void theDatabaseRefusesOutOfRangeMoneyAndQuantities() {
        OrderFixtures.LiveDeal live = fx.liveDeal("bound-db", 1000, 50, 800, 10, 2);
        OrderFixtures.Buyer buyer = fx.buyer("bound-db");
        fx.order(buyer.token(), "k", OrderFixtures.productOrder(live.product(), 1)).expectStatus().isCreated();
        long order = count("select id from customer_order where buyer_id = :b", "b", buyer.id());
        ShowcaseFixtures.Account enterprise = new ShowcaseFixtures(http, db).enterpriseUser("bound-db-buyer");
        call(enterprise.token(), "POST", "/api/quotes", "{\"productId\":%d,\"quantity\":3}".formatted(live.product()))
                .expectStatus().isCreated();

        refused("update product set price_fen = 1000000001 where id = " + live.product());
        refused("update product set price_fen = 0 where id = " + live.product());
        refused("update flash_deal set price_fen = list_price_fen + 1 where id = " + live.deal());
        refused("update flash_deal set quantity = 1000001 where id = " + live.deal());
        refused("update flash_deal set per_buyer_limit = 1001 where id = " + live.deal());
        refused("update flash_deal_stock set remaining = 1000001 where deal_id = " + live.deal());
        refused("update flash_deal set ends_at = starts_at + interval '5 seconds' where id = " + live.deal());
        refused("update customer_order set unit_price_fen = " + OVERFLOW + ", total_fen = " + OVERFLOW + " where id = " + order);
        refused("update customer_order set quantity = 1000001, total_fen = 1000001000 where id = " + order);
        refused("update customer_order set total_fen = total_fen + 1 where id = " + order);
        refused("update quote_request set unit_price_fen = " + OVERFLOW + " where buyer_id = " + enterprise.id());
        refused("update quote_request set unit_price_fen = 1000000000, quantity = 11 where buyer_id = " + enterprise.id());
        refused("update quote_request set quantity = 1000001 where buyer_id = " + enterprise.id());
        // in range is fine
        db.sql("update quote_request set unit_price_fen = 1000000000, quantity = 10 where buyer_id = :b")
                .bind("b", enterprise.id()).fetch().rowsUpdated().block();
    }

    private void refused(String sql) {
        assertThatThrownBy(() -> db.sql(sql).fetch().rowsUpdated().block()).as(sql)
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    private static void field(WebTestClient.ResponseSpec response, String field) {
        response.expectStatus().isBadRequest().expectBody()
                .jsonPath("$.type").isEqualTo("https://livehall.io/problems/validation")
                .jsonPath("$.errors[?(@.field == '" + field + "')]").exists();
    }

    private static String answer(String unitPriceFen) {
        return "{\"unitPriceFen\":%s,\"validUntil\":\"%s\"}".formatted(unitPriceFen, Instant.now().plus(7, ChronoUnit.DAYS));
    }

    private static String product(String field, String value) {
        String body = """
                {"name":"西凤酒","category":"FAMOUS_QUALITY","region":"宝鸡市","priceFen":16800,"stock":50}""";
        return body.replace("\"" + field + "\":" + (field.equals("stock") ? "50" : "16800"), "\"" + field + "\":" + value);
    }

    private static String deal(OrderFixtures.LiveDeal live, String field, String value) {
        String body = """
                {"sessionId":%d,"productId":%d,"priceFen":800,"quantity":5,"perBuyerLimit":1,"durationSeconds":60}"""
                .formatted(live.session(), live.product());
        return body.replaceFirst("\"" + field + "\":\\d+", "\"" + field + "\":" + value);
    }

    private WebTestClient.ResponseSpec call(String token, String method, String uri, String body) {
        return http.method(org.springframework.http.HttpMethod.valueOf(method)).uri(uri)
                .header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }
}
