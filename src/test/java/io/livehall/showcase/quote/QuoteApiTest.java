package io.livehall.showcase.quote;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import io.livehall.IntegrationTest;
import io.livehall.showcase.ShowcaseFixtures;
import io.livehall.showcase.order.OrderFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** 集团客户采购: ask, answer, accept (an order at the quoted price), decline, expiry, and who may do what. */
class QuoteApiTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;

    private OrderFixtures fx;
    private ShowcaseFixtures showcase;

    @BeforeEach
    void fixtures() {
        http = http.mutate().responseTimeout(java.time.Duration.ofSeconds(60)).build();
        fx = new OrderFixtures(http, db, context);
        showcase = new ShowcaseFixtures(http, db);
    }

    @Test
    void anEnterpriseBuyerAcceptsAnAnsweredQuoteAndGetsAnOrderAtThatPrice() {
        ShowcaseFixtures.Merchant merchant = fx.merchant("quote");
        long product = fx.product(merchant.id(), 20000, 1000);
        ShowcaseFixtures.Account buyer = showcase.enterpriseUser("quote-buyer");
        long quote = ask(buyer.token(), product, 300).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id") instanceof Number n ? n.longValue() : -1;
        call("GET", buyer.token(), "/api/quotes/" + quote, null).expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("REQUESTED").jsonPath("$.enterpriseName").isEqualTo("quote-buyer 测试企业");
        // not answered yet: nothing to accept
        accept(buyer.token(), quote, "q-1").expectStatus().isEqualTo(409);

        String m = merchant.user().token();
        call("GET", m, "/api/merchant/quotes", null).expectStatus().isOk()
                .expectBody().jsonPath("$.items[0].id").isEqualTo((int) quote).jsonPath("$.items[0].quantity").isEqualTo(300);
        answer(m, quote, 15000, Instant.now().minusSeconds(5)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("validUntil");
        answer(m, quote, 15000, Instant.now().plus(7, ChronoUnit.DAYS)).expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("ANSWERED").jsonPath("$.totalFen").isEqualTo(4_500_000);

        accept(buyer.token(), quote, "q-1").expectStatus().isCreated()
                .expectBody().jsonPath("$.unitPriceFen").isEqualTo(15000).jsonPath("$.quantity").isEqualTo(300)
                .jsonPath("$.quoteId").isEqualTo((int) quote).jsonPath("$.totalFen").isEqualTo(4_500_000);
        accept(buyer.token(), quote, "q-1").expectStatus().isOk();
        accept(buyer.token(), quote, "q-2").expectStatus().isEqualTo(409);
        assertThat(fx.stock(product)).isEqualTo(700);
        call("GET", buyer.token(), "/api/quotes/" + quote, null).expectBody()
                .jsonPath("$.status").isEqualTo("ACCEPTED").jsonPath("$.orderId").isNumber();
        call("GET", m, "/api/merchant/orders", null).expectBody().jsonPath("$.items[0].quoteId").isEqualTo((int) quote);
        answer(m, quote, 14000, Instant.now().plus(1, ChronoUnit.DAYS)).expectStatus().isEqualTo(409);
    }

    @Test
    void expiredOrDeclinedQuotesCannotBeAcceptedAndOthersSeeNothing() {
        ShowcaseFixtures.Merchant merchant = fx.merchant("expiry");
        ShowcaseFixtures.Merchant other = fx.merchant("expiry-other");
        long product = fx.product(merchant.id(), 20000, 10);
        ShowcaseFixtures.Account buyer = showcase.enterpriseUser("expiry-buyer");
        ShowcaseFixtures.Account stranger = showcase.enterpriseUser("expiry-stranger");
        OrderFixtures.Buyer noEnterprise = fx.buyer("expiry-solo");
        String m = merchant.user().token();

        ask(noEnterprise.token(), product, 5).expectStatus().isForbidden();
        ask(buyer.token(), product, 0).expectStatus().isBadRequest();
        ask(m, product, 5).expectStatus().isEqualTo(409);
        http.post().uri("/api/quotes").contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isUnauthorized();
        long quote = id(ask(buyer.token(), product, 5));
        call("GET", stranger.token(), "/api/quotes/" + quote, null).expectStatus().isNotFound();
        call("GET", other.user().token(), "/api/merchant/quotes/" + quote, null).expectStatus().isNotFound();
        answer(other.user().token(), quote, 100, Instant.now().plusSeconds(3600)).expectStatus().isNotFound();
        call("GET", buyer.token(), "/api/merchant/quotes", null).expectStatus().isForbidden();
        answer(m, quote, 18000, Instant.now().plusSeconds(3600)).expectStatus().isOk();
        accept(stranger.token(), quote, "s").expectStatus().isNotFound();

        // the answer expires: an hour and a second later by the application's clock (nobody waits)
        clock.advance(java.time.Duration.ofSeconds(3601));
        try {
            call("GET", buyer.token(), "/api/quotes/" + quote, null).expectBody().jsonPath("$.status").isEqualTo("EXPIRED");
            accept(buyer.token(), quote, "late").expectStatus().isEqualTo(409)
                    .expectBody().jsonPath("$.type").isEqualTo("https://livehall.io/problems/quote-expired");
        } finally {
            clock.reset();
        }
        assertThat(fx.stock(product)).isEqualTo(10);

        // a new answer, declined: no order either
        answer(m, quote, 17000, Instant.now().plusSeconds(3600)).expectStatus().isOk();
        call("POST", buyer.token(), "/api/quotes/" + quote + "/decline", null).expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("DECLINED");
        accept(buyer.token(), quote, "after-decline").expectStatus().isEqualTo(409);
        long withdrawn = id(ask(buyer.token(), product, 2));
        call("POST", buyer.token(), "/api/quotes/" + withdrawn + "/withdraw", null).expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("WITHDRAWN");
        call("GET", buyer.token(), "/api/quotes?limit=1", null).expectStatus().isOk()
                .expectBody().jsonPath("$.items.length()").isEqualTo(1).jsonPath("$.next").isNotEmpty();
        assertThat(db.sql("select count(*) from customer_order where buyer_id = :b").bind("b", buyer.id())
                .map(row -> row.get(0, Long.class)).one().block()).isZero();
    }

    private long id(WebTestClient.ResponseSpec spec) {
        return ((Number) spec.expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id")).longValue();
    }

    private WebTestClient.ResponseSpec ask(String token, long product, int quantity) {
        return call("POST", token, "/api/quotes", """
                {"productId":%d,"quantity":%d,"note":"年底员工福利采购"}""".formatted(product, quantity));
    }

    private WebTestClient.ResponseSpec answer(String token, long quote, long price, Instant until) {
        return call("POST", token, "/api/merchant/quotes/" + quote + "/answer", """
                {"unitPriceFen":%d,"validUntil":"%s","note":"含运费"}""".formatted(price, until));
    }

    private WebTestClient.ResponseSpec accept(String token, long quote, String key) {
        return http.post().uri("/api/quotes/" + quote + "/accept").header("Authorization", "Bearer " + token)
                .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"recipient\":" + OrderFixtures.RECIPIENT + "}").exchange();
    }

    private WebTestClient.ResponseSpec call(String method, String token, String uri, String body) {
        WebTestClient.RequestBodySpec spec = http.method(org.springframework.http.HttpMethod.valueOf(method)).uri(uri)
                .header("Authorization", "Bearer " + token);
        return body == null ? spec.exchange() : spec.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }
}
