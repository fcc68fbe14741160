package io.livehall.showcase.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.livehall.showcase.ShowcaseFixtures.Merchant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The public list's sort orders, each paged across several pages without repeats or gaps. */
class ProductSortApiTest extends CatalogueTest {

    private Merchant merchant;

    @BeforeEach
    void merchant() {
        merchant = showcase.tradingMerchant("sort");
    }

    record Made(long id, long price, int sold) {
    }

    /** Seven products, prices with ties, sales with ties; orders in every status (only paid ones count). */
    private List<Made> made() {
        long[] prices = {3000, 1000, 5000, 1000, 3000, 9000, 1000};
        int[] sold = {0, 5, 2, 5, 0, 1, 7};
        List<Made> made = new ArrayList<>();
        for (int i = 0; i < prices.length; i++) {
            Map<String, Object> body = CatalogueFixtures.product("排序商品" + i);
            body.put("priceFen", prices[i]);
            long id = catalogue.onSale(merchant, body);
            made.add(new Made(id, prices[i], sold[i]));
            String[] paid = {"PAID", "SHIPPED", "COMPLETED"};
            for (int unit = 0; unit < sold[i]; unit++) {
                order(id, prices[i], paid[unit % paid.length]);
            }
            order(id, prices[i], "CREATED");
            order(id, prices[i], "CANCELLED");
        }
        return made;
    }

    @Test
    void everySortPagesInItsOrder() {
        List<Made> made = made();
        assertThat(pagedIds("newest")).containsExactlyElementsOf(sorted(made,
                Comparator.comparingLong(Made::id).reversed()));
        assertThat(pagedIds("")).containsExactlyElementsOf(pagedIds("newest"));
        assertThat(pagedIds("price_asc")).containsExactlyElementsOf(sorted(made,
                Comparator.comparingLong(Made::price).thenComparingLong(Made::id)));
        assertThat(pagedIds("price_desc")).containsExactlyElementsOf(sorted(made,
                Comparator.comparingLong(Made::price).thenComparingLong(Made::id).reversed()));
        assertThat(pagedIds("sales")).containsExactlyElementsOf(sorted(made,
                Comparator.comparingInt(Made::sold).thenComparingLong(Made::id).reversed()));
    }

    @Test
    void sortsCombineWithSearch() {
        List<Made> made = made();
        Map<String, Object> other = CatalogueFixtures.product("别的东西");
        other.put("priceFen", 1);
        catalogue.onSale(merchant, other);
        assertThat(page("price_asc", "&q=pxsp", null).items()).extracting(ProductBrowseApiTest.Card::id)
                .containsExactlyElementsOf(sorted(made, Comparator.comparingLong(Made::price).thenComparingLong(Made::id))
                        .subList(0, 3));
    }

    @Test
    void badSortsAndCursorsAnswer400() {
        http.get().uri("/api/products?sort=cheapest").exchange().expectStatus().isBadRequest()
                .expectHeader().contentType("application/problem+json")
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("sort")
                .jsonPath("$.errors[0].message").isEqualTo("排序方式须为 newest、price_asc、price_desc 或 sales");
        http.get().uri("/api/products?sort=price_asc&after=123").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("https://livehall.io/problems/bad-cursor");
        http.get().uri("/api/products?sort=sales&after=1_x").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").isEqualTo("分页游标无效");
        http.get().uri("/api/products?after=1_2").exchange().expectStatus().isBadRequest();
    }

    private List<Long> pagedIds(String sort) {
        List<Long> seen = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            ProductBrowseApiTest.Page page = page(sort, "", after);
            page.items().forEach(card -> seen.add(card.id()));
            after = page.next();
            pages++;
        } while (after != null);
        assertThat(pages).as(sort).isEqualTo(3);
        return seen;
    }

    private ProductBrowseApiTest.Page page(String sort, String filters, String after) {
        return http.get().uri(URI.create("http://localhost:" + port + "/api/products?merchantId=" + merchant.id()
                        + "&limit=3&sort=" + sort + filters + (after == null ? "" : "&after=" + after)))
                .exchange().expectStatus().isOk()
                .expectBody(ProductBrowseApiTest.Page.class).returnResult().getResponseBody();
    }

    private static List<Long> sorted(List<Made> made, Comparator<Made> order) {
        return made.stream().sorted(order).map(Made::id).toList();
    }

    private void order(long productId, long price, String status) {
        db.sql("""
                        insert into customer_order (buyer_id, merchant_id, product_id, product_name, quantity, unit_price_fen,
                                                    total_fen, status, idempotency_key, request_hash, recipient_name,
                                                    recipient_phone, address, pay_by)
                        values (:buyer, :merchant, :product, '排序商品', 1, :price, :price, :status, :key, 'x', '张三',
                                '13800000000', '西安市', now() + interval '1 day')""")
                .bind("buyer", merchant.user().id()).bind("merchant", merchant.id()).bind("product", productId)
                .bind("price", price).bind("status", status).bind("key", UUID.randomUUID().toString())
                .fetch().rowsUpdated().block();
    }
}
