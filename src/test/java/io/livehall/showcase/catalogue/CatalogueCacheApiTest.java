package io.livehall.showcase.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.livehall.showcase.ShowcaseFixtures.Merchant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** Cache-aside in Redis: same bytes as the database path, ETag/304, and eviction on every kind of change. */
class CatalogueCacheApiTest extends CatalogueTest {

    @Autowired
    ProductCatalogue products;
    @Autowired
    PublicCatalogue publicCatalogue;
    @Autowired
    TransactionalOperator tx;
    @Autowired
    ReactiveStringRedisTemplate redis;

    private Merchant merchant;

    @BeforeEach
    void merchant() {
        merchant = showcase.tradingMerchant("cache");
    }

    @Test
    void aCacheHitAnswersTheSameBytesAsTheDatabase() {
        long id = catalogue.onSale(merchant, CatalogueFixtures.product("西凤酒375"));
        EntityExchangeResult<byte[]> miss = page(id, "miss");
        EntityExchangeResult<byte[]> hit = page(id, "hit");
        assertThat(hit.getResponseBody()).isEqualTo(miss.getResponseBody());
        assertThat(hit.getResponseHeaders().getETag()).isEqualTo(miss.getResponseHeaders().getETag());
        assertThat(publicCatalogue.loadProduct(id).block().body()).isEqualTo(hit.getResponseBody());

        String list = "/api/products?merchantId=" + merchant.id();
        EntityExchangeResult<byte[]> listMiss = get(list, "miss");
        EntityExchangeResult<byte[]> listHit = get(list, "hit");
        assertThat(listHit.getResponseBody()).isEqualTo(listMiss.getResponseBody());
        assertThat(new String(listHit.getResponseBody(), java.nio.charset.StandardCharsets.UTF_8)).contains("西凤酒375");
    }

    @Test
    void anUnchangedPageAnswers304AndAChangedOneANewEtag() {
        long id = catalogue.onSale(merchant, CatalogueFixtures.product("东裕茗茶"));
        String etag = page(id, "miss").getResponseHeaders().getETag();
        assertThat(etag).matches("\"[0-9a-f]{32}\"");
        http.get().uri("/api/products/{id}", id).header(HttpHeaders.IF_NONE_MATCH, etag).exchange()
                .expectStatus().isNotModified()
                .expectHeader().valueEquals(HttpHeaders.ETAG, etag)
                .expectBody().isEmpty();
        String listEtag = get("/api/products?merchantId=" + merchant.id(), null).getResponseHeaders().getETag();
        http.get().uri("/api/products?merchantId={m}", merchant.id()).header(HttpHeaders.IF_NONE_MATCH, listEtag)
                .exchange().expectStatus().isNotModified();

        update(id, "东裕茗茶礼盒", List.of());
        http.get().uri("/api/products/{id}", id).header(HttpHeaders.IF_NONE_MATCH, etag).exchange()
                .expectStatus().isOk()
                .expectHeader().value(HttpHeaders.ETAG, tag -> assertThat(tag).isNotEqualTo(etag))
                .expectBody().jsonPath("$.name").isEqualTo("东裕茗茶礼盒");
        http.get().uri("/api/products?merchantId={m}", merchant.id()).header(HttpHeaders.IF_NONE_MATCH, listEtag)
                .exchange().expectStatus().isOk();
    }

    @Test
    void everyMerchantChangeEvictsThePageAndTheLists() {
        long id = catalogue.onSale(merchant, CatalogueFixtures.product("凤翔泥塑"));
        String list = "/api/products?merchantId=" + merchant.id();

        warm(id, list);
        update(id, "凤翔泥塑·马", List.of());
        assertThat(body(page(id, "miss"))).contains("凤翔泥塑·马");
        assertThat(body(get(list, "miss"))).contains("凤翔泥塑·马");

        warm(id, list);
        long image = catalogue.uploadImage(merchant.user().token());
        update(id, "凤翔泥塑·马", List.of(image));
        assertThat(body(page(id, "miss"))).contains("/api/files/" + image);
        assertThat(body(get(list, "miss"))).contains("/api/files/" + image);

        warm(id, list);
        as(merchant).post().uri("/api/merchant/products/{id}/off-shelf", id).exchange().expectStatus().isOk();
        assertThat(body(page(id, "miss"))).contains("\"status\":\"OFF_SHELF\"");
        assertThat(body(get(list, "miss"))).doesNotContain("凤翔泥塑");

        warm(id, list);
        as(merchant).post().uri("/api/merchant/products/{id}/publish", id).exchange().expectStatus().isOk();
        assertThat(body(page(id, "miss"))).contains("\"status\":\"ON_SALE\"");
        assertThat(body(get(list, "miss"))).contains("凤翔泥塑");
    }

    @Test
    void stockTakenForAnOrderShowsAtOnceAndSellingOutReachesTheLists() {
        Map<String, Object> body = CatalogueFixtures.product("格兰纳护肤");
        body.put("stock", 2);
        long id = catalogue.onSale(merchant, body);
        String list = "/api/products?merchantId=" + merchant.id();

        warm(id, list);
        products.takeStock(id, 1).block();
        assertThat(body(page(id, "miss"))).contains("\"stock\":1");
        assertThat(body(get(list, "hit"))).contains("\"soldOut\":false"); // a list shows no count: still valid

        warm(id, list);
        tx.transactional(products.takeStock(id, 1)).block();
        assertThat(body(page(id, "miss"))).contains("\"stock\":0");
        assertThat(body(get(list, "miss"))).contains("\"soldOut\":true");

        warm(id, list);
        products.returnStock(id, 3).block();
        assertThat(body(page(id, "miss"))).contains("\"stock\":3");
        assertThat(body(get(list, "miss"))).contains("\"soldOut\":false");
    }

    @Test
    void insideATransactionTheEvictionWaitsForTheCommitAndARollbackKeepsThePage() {
        long id = catalogue.onSale(merchant, CatalogueFixtures.product("西凤酒"));
        page(id, "miss");
        StepVerifier.create(tx.transactional(products.takeStock(id, 1).then(redis.hasKey(CatalogueCache.productKey(id)))))
                .expectNext(true)
                .verifyComplete();
        assertThat(redis.hasKey(CatalogueCache.productKey(id)).block()).isFalse();
        assertThat(body(page(id, "miss"))).contains("\"stock\":49");

        StepVerifier.create(tx.transactional(products.takeStock(id, 1)
                        .then(Mono.error(new IllegalStateException("payment failed")))))
                .expectError(IllegalStateException.class).verify();
        assertThat(body(page(id, "hit"))).contains("\"stock\":49");
        assertThat(products.find(id).block().stock()).isEqualTo(49);
    }

    @Test
    void aMerchantRenameReachesItsPagesWhenTheMerchantFeatureSaysSo() {
        long id = catalogue.onSale(merchant, CatalogueFixtures.product("西凤酒"));
        String list = "/api/products?merchantId=" + merchant.id();
        warm(id, list);
        db.sql("update merchant set display_name = '西凤酒业旗舰店' where id = :m").bind("m", merchant.id())
                .fetch().rowsUpdated().block();
        products.merchantChanged(merchant.id()).block();
        assertThat(body(page(id, "miss"))).contains("西凤酒业旗舰店");
        assertThat(body(get(list, "miss"))).contains("西凤酒业旗舰店");
    }

    private void update(long id, String name, List<Long> images) {
        int version = ((Number) as(merchant).get().uri("/api/merchant/products/{id}", id).exchange()
                .expectBody(Map.class).returnResult().getResponseBody().get("version")).intValue();
        Map<String, Object> body = CatalogueFixtures.product(name);
        body.put("imageIds", images);
        body.put("version", version);
        as(merchant).put().uri("/api/merchant/products/{id}", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange().expectStatus().isOk();
    }

    /** Reads the page and the list twice, so both are cached before a change. */
    private void warm(long id, String list) {
        page(id, null);
        page(id, "hit");
        get(list, null);
        get(list, "hit");
    }

    private EntityExchangeResult<byte[]> page(long id, String expectedCache) {
        return get("/api/products/" + id, expectedCache);
    }

    private EntityExchangeResult<byte[]> get(String uri, String expectedCache) {
        return http.get().uri(uri).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-cache")
                .expectHeader().value(ProductController.CACHE_HEADER,
                        v -> assertThat(expectedCache == null || v.equals(expectedCache))
                                .as("%s served from cache: %s, expected %s", uri, v, expectedCache).isTrue())
                .expectBody(byte[].class).returnResult();
    }

    private static String body(EntityExchangeResult<byte[]> result) {
        return new String(result.getResponseBody(), java.nio.charset.StandardCharsets.UTF_8);
    }
}
