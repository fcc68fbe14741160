package io.livehall.showcase.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.livehall.showcase.ShowcaseFixtures.Merchant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The public hall: anonymous requests only. Each test filters by its own merchant to stay apart from others. */
class ProductBrowseApiTest extends CatalogueTest {

    private Merchant merchant;

    @BeforeEach
    void merchant() {
        merchant = showcase.tradingMerchant("hall");
    }

    @Test
    void listsOnlyOnSaleProductsNewestFirst() {
        long first = catalogue.onSale(merchant, CatalogueFixtures.product("在售一"));
        catalogue.draft(merchant, CatalogueFixtures.product("草稿"));
        long offShelf = catalogue.onSale(merchant, CatalogueFixtures.product("已下架"));
        as(merchant).post().uri("/api/merchant/products/{id}/off-shelf", offShelf).exchange().expectStatus().isOk();
        long second = catalogue.onSale(merchant, CatalogueFixtures.product("在售二"));

        Page page = list("");
        assertThat(page.items()).extracting(Card::id).containsExactly(second, first);
        Card card = page.items().get(0);
        assertThat(card.name()).isEqualTo("在售二");
        assertThat(card.merchantName()).isEqualTo("hall 商家");
        assertThat(card.priceFen()).isEqualTo(16800);
        assertThat(card.category()).isEqualTo("FAMOUS_QUALITY");
        assertThat(card.coverUrl()).startsWith("/api/files/");
        assertThat(card.soldOut()).isFalse();
    }

    @Test
    void filtersByCategoryRegionChannelAndPriceRange() {
        long tea = catalogue.onSale(merchant, product("茶", "FAMOUS_QUALITY", "汉中市", 3000, List.of("COMMUNITY_GROUP_BUY")));
        long clay = catalogue.onSale(merchant, product("泥塑", "INTANGIBLE_HERITAGE", "宝鸡市", 12000,
                List.of("OFFLINE_EXHIBITION", "LIVE_ECOMMERCE")));
        long mug = catalogue.onSale(merchant, product("马克杯", "CULTURAL_CREATIVE", "西安市", 5000, List.of("LIVE_ECOMMERCE")));

        assertThat(ids("&category=INTANGIBLE_HERITAGE")).containsExactly(clay);
        assertThat(ids("&region=" + enc("西安市"))).containsExactly(mug);
        assertThat(ids("&channel=LIVE_ECOMMERCE")).containsExactly(mug, clay);
        assertThat(ids("&minPrice=3000&maxPrice=5000")).containsExactly(mug, tea);
        assertThat(ids("&minPrice=5001")).containsExactly(clay);
        assertThat(ids("&channel=LIVE_ECOMMERCE&maxPrice=6000&region=" + enc("西安市"))).containsExactly(mug);
        assertThat(ids("&channel=CHANNEL_EXPORT")).isEmpty();
    }

    @Test
    void searchesChineseTextOfAnyLengthIgnoringCase() {
        long wine = catalogue.onSale(merchant, described("华山论剑西凤酒", "凤香型白酒，绵甜爽净"));
        long clay = catalogue.onSale(merchant, described("凤翔泥塑", "非遗手艺，彩绘泥塑"));
        long tea = catalogue.onSale(merchant, described("东裕茗茶", "Green TEA from 汉中"));

        assertThat(ids("&q=" + enc("凤"))).containsExactly(clay, wine);
        assertThat(ids("&q=" + enc("西凤"))).containsExactly(wine);
        assertThat(ids("&q=" + enc("凤香型"))).containsExactly(wine);
        assertThat(ids("&q=" + enc("泥塑"))).containsExactly(clay);
        assertThat(ids("&q=" + enc(" green tea "))).containsExactly(tea);
        assertThat(ids("&q=" + enc("Te"))).containsExactly(tea);
        assertThat(ids("&q=" + enc("茗茶汉"))).isEmpty();
        assertThat(ids("&q=" + enc("%"))).isEmpty();
        assertThat(ids("&q=" + enc("_"))).isEmpty();
    }

    @Test
    void keysetPagesHaveNoDuplicatesAndNoGaps() {
        List<Long> made = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            made.add(0, catalogue.onSale(merchant, CatalogueFixtures.product("商品" + i)));
        }
        List<Long> seen = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            Page page = list("&limit=3" + (after == null ? "" : "&after=" + after));
            page.items().forEach(card -> seen.add(card.id()));
            after = page.next();
            pages++;
        } while (after != null);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyElementsOf(made);
    }

    @Test
    void productPageHasTheMerchantImagesAndStock() {
        long first = catalogue.uploadImage(merchant.user().token());
        long second = catalogue.uploadImage(merchant.user().token());
        Map<String, Object> body = CatalogueFixtures.product("西凤酒375");
        body.put("imageIds", List.of(second, first));
        body.put("stock", 7);
        long id = catalogue.onSale(merchant, body);
        http.get().uri("/api/products/{id}", id).exchange()
                .expectStatus().isOk()
                .expectHeader().contentType("application/json")
                .expectBody()
                .jsonPath("$.id").isEqualTo(id)
                .jsonPath("$.merchantId").isEqualTo(merchant.id())
                .jsonPath("$.merchantName").isEqualTo("hall 商家")
                .jsonPath("$.stock").isEqualTo(7)
                .jsonPath("$.status").isEqualTo("ON_SALE")
                .jsonPath("$.region").isEqualTo("宝鸡市")
                .jsonPath("$.images[*].url").isEqualTo(List.of("/api/files/" + second, "/api/files/" + first));
        long draft = catalogue.draft(merchant, CatalogueFixtures.product("草稿"));
        http.get().uri("/api/products/{id}", draft).exchange().expectStatus().isNotFound();
        http.get().uri("/api/products/{id}", Long.MAX_VALUE).exchange().expectStatus().isNotFound()
                .expectHeader().contentType("application/problem+json");
    }

    @Test
    void badFiltersAnswer400() {
        http.get().uri(URI.create("http://localhost:" + port + "/api/products?region=" + enc("北京市"))).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("region");
        http.get().uri("/api/products?minPrice=500&maxPrice=100").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("maxPrice");
        http.get().uri(URI.create("http://localhost:" + port + "/api/products?q=" + enc("茶".repeat(51)))).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("q");
        http.get().uri("/api/products?category=WINE").exchange().expectStatus().isBadRequest();
        http.get().uri("/api/products?after=abc").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("https://livehall.io/problems/bad-cursor");
    }

    private Map<String, Object> product(String name, String category, String region, long price, List<String> channels) {
        Map<String, Object> body = CatalogueFixtures.product(name);
        body.put("category", category);
        body.put("region", region);
        body.put("priceFen", price);
        body.put("channels", channels);
        return body;
    }

    private Map<String, Object> described(String name, String description) {
        Map<String, Object> body = CatalogueFixtures.product(name);
        body.put("description", description);
        return body;
    }

    private List<Long> ids(String filters) {
        return list(filters).items().stream().map(Card::id).toList();
    }

    private Page list(String filters) {
        return http.get().uri(URI.create("http://localhost:" + port + "/api/products?merchantId=" + merchant.id() + filters)).exchange()
                .expectStatus().isOk()
                .expectBody(Page.class).returnResult().getResponseBody();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    record Card(long id, String name, String category, String region, long priceFen, boolean soldOut,
                List<String> channels, long merchantId, String merchantName, String coverUrl) {
    }

    record Page(List<Card> items, String next) {
    }
}
