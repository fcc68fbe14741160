package io.livehall.showcase.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.livehall.showcase.ShowcaseFixtures.Merchant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Searching the public hall by pinyin and initials (the merchant filter keeps each test apart from others). */
class ProductPinyinSearchApiTest extends CatalogueTest {

    @Autowired
    CatalogueCache cache;

    private Merchant merchant;

    @BeforeEach
    void merchant() {
        merchant = showcase.tradingMerchant("pinyin");
    }

    @Test
    void findsChineseNamesByInitialsAndFullPinyinIgnoringCaseAndSpaces() {
        long tea = catalogue.onSale(merchant, CatalogueFixtures.product("东裕茶 秦岭雾毫 250g"));
        long mingcha = catalogue.onSale(merchant, CatalogueFixtures.product("东裕茗茶 礼盒"));
        long wine = catalogue.onSale(merchant, CatalogueFixtures.product("西凤酒 52度"));

        assertThat(ids("dyc")).containsExactly(tea);
        assertThat(ids("DYC")).containsExactly(tea);
        assertThat(ids("dYmC")).containsExactly(mingcha);
        assertThat(ids("cha")).containsExactly(mingcha, tea);
        assertThat(ids("dongyucha")).containsExactly(tea);
        assertThat(ids("Dong Yu Cha")).containsExactly(tea);
        assertThat(ids("dong yu")).containsExactly(mingcha, tea);
        assertThat(ids("xifengjiu52")).containsExactly(wine);
        assertThat(ids("xfj")).containsExactly(wine);
        assertThat(ids("dy")).containsExactly(mingcha, tea);
        assertThat(ids("x")).containsExactly(wine);
        assertThat(ids("qinling")).containsExactly(tea);
        assertThat(ids("ycx")).isEmpty();
        // Chinese queries still match the text itself
        assertThat(ids("东裕")).containsExactly(mingcha, tea);
    }

    @Test
    void heteronymsMatchByAnyReading() {
        long changan = catalogue.onSale(merchant, CatalogueFixtures.product("长安礼物 书签"));
        assertThat(ids("changan")).containsExactly(changan);
        assertThat(ids("zhangan")).containsExactly(changan);
        assertThat(ids("calw")).containsExactly(changan);
    }

    @Test
    void renamingReindexesThePinyinAndEvictsCachedSearches() {
        long id = catalogue.onSale(merchant, CatalogueFixtures.product("东裕茶"));
        assertThat(ids("dyc")).containsExactly(id);
        Map<String, Object> renamed = CatalogueFixtures.product("西凤酒");
        renamed.put("imageIds", List.of(catalogue.uploadImage(merchant.user().token())));
        renamed.put("version", currentVersion(id));
        as(merchant).put().uri("/api/merchant/products/{id}", id).bodyValue(renamed).exchange().expectStatus().isOk();
        assertThat(ids("dyc")).isEmpty();
        assertThat(ids("xfj")).containsExactly(id);
    }

    @Test
    void rowsWrittenBySqlGetTheirPinyinFromTheBackfill() {
        long id = catalogue.onSale(merchant, CatalogueFixtures.product("紫阳富硒茶"));
        db.sql("update product set name_pinyin = null, name_initials = null where id = :id").bind("id", id)
                .fetch().rowsUpdated().block();
        cache.evictLists().block();
        assertThat(ids("zyfxc")).isEmpty();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(ids("zyfxc")).containsExactly(id));
        assertThat(db.sql("select name_pinyin from product where id = :id").bind("id", id)
                .map(row -> row.get(0, String.class)).one().block()).isEqualTo("ziyangfuxicha");
    }

    @Test
    void badQueriesAnswerProblemsInChinese() {
        http.get().uri(URI.create("http://localhost:" + port + "/api/products?q=" + enc("d".repeat(51))))
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentType("application/problem+json")
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("q")
                .jsonPath("$.errors[0].message").isEqualTo("搜索词不能超过 50 个字");
        http.get().uri(URI.create("http://localhost:" + port + "/api/products?q=dy%00c"))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("q");
        assertThat(ids("d".repeat(50))).isEmpty();
    }

    private int currentVersion(long id) {
        return ((Number) as(merchant).get().uri("/api/merchant/products/{id}", id).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("version")).intValue();
    }

    private List<Long> ids(String q) {
        ProductBrowseApiTest.Page page = http.get().uri(URI.create("http://localhost:" + port + "/api/products?merchantId="
                        + merchant.id() + "&q=" + enc(q)))
                .exchange().expectStatus().isOk()
                .expectBody(ProductBrowseApiTest.Page.class).returnResult().getResponseBody();
        return page.items().stream().map(ProductBrowseApiTest.Card::id).toList();
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
