package io.livehall.showcase.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import io.livehall.LiveHallApplication;
import io.livehall.OwnNettyResources;
import io.livehall.showcase.ShowcaseFixtures.Merchant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Two instances sharing PostgreSQL and Redis: a change made through instance A (the shared test context) is
 * seen at once through instance B, whose cache was warm. No waiting: the next request must already see it.
 */
class CatalogueTwoInstancesTest extends CatalogueTest {

    private static ConfigurableApplicationContext instanceB;
    private static int portB;

    @Autowired
    ProductCatalogue productsOnA;

    private WebTestClient onB;
    private Merchant merchant;

    @BeforeAll
    static void startSecondInstance() {
        instanceB = new SpringApplicationBuilder(LiveHallApplication.class, OwnNettyResources.class)
                .properties("spring.jmx.enabled=false", "management.server.port=", "springdoc.pre-loading-enabled=false")
                .run("--server.port=0");
        portB = Integer.parseInt(instanceB.getEnvironment().getProperty("local.server.port"));
    }

    @AfterAll
    static void stopSecondInstance() {
        if (instanceB != null) {
            instanceB.close();
        }
    }

    @BeforeEach
    void clientOfB() {
        onB = WebTestClient.bindToServer().baseUrl("http://localhost:" + portB)
                .responseTimeout(Duration.ofSeconds(30)).build();
        merchant = showcase.tradingMerchant("twin");
    }

    @Test
    void anEditThroughAIsSeenThroughBAtOnce() {
        long id = catalogue.onSale(merchant, CatalogueFixtures.product("西凤酒375"));
        String list = "/api/products?merchantId=" + merchant.id();
        warmOnB(id, list);
        String etag = read(onB, "/api/products/" + id, "hit").getResponseHeaders().getETag();

        Map<String, Object> body = CatalogueFixtures.product("西凤酒375 礼盒装");
        body.put("version", version(id));
        body.put("imageIds", java.util.List.of(catalogue.uploadImage(merchant.user().token())));
        as(merchant).put().uri("/api/merchant/products/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange().expectStatus().isOk();

        onB.get().uri("/api/products/{id}", id).header(HttpHeaders.IF_NONE_MATCH, etag).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.name").isEqualTo("西凤酒375 礼盒装");
        assertThat(text(read(onB, list, "miss"))).contains("西凤酒375 礼盒装");

        warmOnB(id, list);
        as(merchant).post().uri("/api/merchant/products/{id}/off-shelf", id).exchange().expectStatus().isOk();
        assertThat(text(read(onB, "/api/products/" + id, "miss"))).contains("\"status\":\"OFF_SHELF\"");
        assertThat(text(read(onB, list, "miss"))).doesNotContain("西凤酒375");
    }

    @Test
    void anOrderTakingStockOnAIsSeenOnBAtOnce() {
        long id = catalogue.onSale(merchant, CatalogueFixtures.product("东裕茗茶"));
        warmOnB(id, "/api/products?merchantId=" + merchant.id());
        productsOnA.takeStock(id, 5).block();
        assertThat(text(read(onB, "/api/products/" + id, "miss"))).contains("\"stock\":45");
        assertThat(text(read(onB, "/api/products/" + id, "hit"))).contains("\"stock\":45");
    }

    private int version(long id) {
        return ((Number) as(merchant).get().uri("/api/merchant/products/{id}", id).exchange()
                .expectBody(Map.class).returnResult().getResponseBody().get("version")).intValue();
    }

    private void warmOnB(long id, String list) {
        read(onB, "/api/products/" + id, null);
        read(onB, "/api/products/" + id, "hit");
        read(onB, list, null);
        read(onB, list, "hit");
    }

    private static org.springframework.test.web.reactive.server.EntityExchangeResult<byte[]> read(
            WebTestClient client, String uri, String expectedCache) {
        return client.get().uri(uri).exchange()
                .expectStatus().isOk()
                .expectHeader().value(ProductController.CACHE_HEADER,
                        v -> assertThat(expectedCache == null || v.equals(expectedCache)).as("%s: %s", uri, v).isTrue())
                .expectBody(byte[].class).returnResult();
    }

    private static String text(org.springframework.test.web.reactive.server.EntityExchangeResult<byte[]> result) {
        return new String(result.getResponseBody(), StandardCharsets.UTF_8);
    }
}
