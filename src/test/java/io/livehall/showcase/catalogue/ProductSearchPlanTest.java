package io.livehall.showcase.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import io.livehall.common.paging.PageRequest;
import io.r2dbc.spi.Connection;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The search predicates are the ones the indexes answer: with sequential and plain index scans switched off,
 * only a bitmap scan of an index matching the predicate is left (otherwise the plan falls back to a seq scan).
 */
class ProductSearchPlanTest extends CatalogueTest {

    @Test
    void longQueriesUseTheTrigramIndexAndShortOnesTheGramIndex() {
        assertThat(plan("(p.name || ' ' || p.description) ilike '%西凤酒%'")).contains("product_search_trgm");
        assertThat(plan("p.search_grams @> array[lower('西凤')]")).contains("product_search_grams");
        assertThat(plan("p.search_grams @> array[lower('茶')]")).contains("product_search_grams");
    }

    @Test
    void pinyinQueriesUseTheTrigramIndexesOfPinyinAndInitials() {
        assertThat(plan("(p.name_pinyin like '%dongyucha%' or p.name_initials like '%dyc%')"))
                .contains("product_name_pinyin_trgm").contains("product_name_initials_trgm");
        // one or two letters: the start of a variant, still answered by the trigram index
        assertThat(plan("(p.name_initials like 'dy%' or p.name_initials like '% dy%')"))
                .contains("product_name_initials_trgm");
    }

    @Test
    void onTwentyThousandRowsThePinyinSearchIsNotASequentialScan() {
        long merchant = showcase.tradingMerchant("plan").id();
        db.sql("""
                        insert into product (merchant_id, name, category, region, price_fen, stock, name_pinyin, name_initials)
                        select :m, '计划商品' || g, 'FAMOUS_QUALITY', '西安市', 100 + g, 1, 'jihuashangpin' || g, 'jhsp' || g
                        from generate_series(1, 20000) g""")
                .bind("m", merchant).fetch().rowsUpdated().block();
        try {
            db.sql("vacuum analyze product").fetch().rowsUpdated().block();
            String plan = plainPlan("select p.id from product p where p.name_initials like '%jhsp12345%'");
            assertThat(plan).contains("product_name_initials_trgm").doesNotContain("Seq Scan");
        } finally {
            db.sql("delete from product where name like '计划商品%' and name_initials like 'jhsp%'")
                    .fetch().rowsUpdated().block();
        }
    }

    @Test
    void queriesShorterThanThreeCharactersAreShortQueries() {
        assertThat(ProductQuery.of(null, null, null, null, null, null, "西凤", null, null).shortQuery()).isTrue();
        assertThat(ProductQuery.of(null, null, null, null, null, null, " 茶 ", null, null).shortQuery()).isTrue();
        assertThat(ProductQuery.of(null, null, null, null, null, null, "西凤酒", null, null).shortQuery()).isFalse();
        assertThat(ProductQuery.of(null, null, null, null, null, null, "𠀀𠀁", null, null).shortQuery()).isTrue();
        assertThat(ProductQuery.of(null, null, null, null, null, null, "  ", null, null).q()).isNull();
        assertThat(new ProductQuery(null, null, null, null, null, null, "x", ProductSort.NEWEST, null,
                PageRequest.of(null, null)).cacheKey()).isEqualTo("c=&r=&ch=&m=&min=&max=&s=newest&a=&n=20&q=x");
        assertThat(ProductQuery.of(null, null, null, null, null, null, "x", "price_asc", "16800_42", null).cacheKey())
                .isEqualTo("c=&r=&ch=&m=&min=&max=&s=price_asc&a=16800_42&n=20&q=x");
    }

    private String plan(String predicate) {
        String sql = "explain select p.id from product p where " + predicate;
        return db.inConnection(connection -> execute(connection, "set enable_seqscan = off")
                        .then(execute(connection, "set enable_indexscan = off"))
                        .thenMany(Flux.from(connection.createStatement(sql).execute())
                                .flatMap(result -> result.map((row, meta) -> row.get(0, String.class))))
                        .collectList()
                        .flatMap(lines -> reset(connection).thenReturn(String.join("\n", lines))))
                .block();
    }

    private String plainPlan(String sql) {
        return db.sql("explain " + sql).map(row -> row.get(0, String.class)).all().collectList()
                .map(lines -> String.join("\n", lines)).block();
    }

    private static Mono<Void> reset(Connection connection) {
        return execute(connection, "reset enable_seqscan").then(execute(connection, "reset enable_indexscan"));
    }

    private static Mono<Void> execute(Connection connection, String sql) {
        return Mono.from(connection.createStatement(sql).execute()).flatMap(r -> Mono.from(r.getRowsUpdated())).then();
    }
}
