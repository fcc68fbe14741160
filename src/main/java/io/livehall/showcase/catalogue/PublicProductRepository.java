package io.livehall.showcase.catalogue;

import java.util.LinkedHashMap;
import java.util.Map;

import io.livehall.showcase.ProductCategory;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;

/**
 * The public list: on-sale products of active merchants, newest first, keyset-paged by id.
 * Text search: three or more characters match {@code (name || ' ' || description) ilike '%q%'} through the
 * trigram index; one or two characters match {@code search_grams @> array[lower(q)]} (the text's distinct
 * one- and two-character grams, GIN-indexed). Both mean "contains q, ignoring case".
 */
@Repository
class PublicProductRepository {

    private final DatabaseClient db;

    PublicProductRepository(DatabaseClient db) {
        this.db = db;
    }

    /** {@code limit + 1} cards, so the caller can tell whether another page exists. */
    Flux<ProductCard> list(ProductQuery query) {
        StringBuilder sql = new StringBuilder("""
                select p.id, p.name, p.category, p.region, p.price_fen, p.stock, p.channels, p.merchant_id,
                       m.display_name as merchant_name,
                       (select i.file_id from product_image i where i.product_id = p.id order by i.position limit 1) as cover_id
                from product p join merchant m on m.id = p.merchant_id
                where p.status = 'ON_SALE' and m.status = 'ACTIVE'""");
        Map<String, Object> binds = new LinkedHashMap<>();
        if (query.page().afterId() != null) {
            sql.append(" and p.id < :after");
            binds.put("after", query.page().afterId());
        }
        if (query.category() != null) {
            sql.append(" and p.category = :category");
            binds.put("category", query.category().name());
        }
        if (query.region() != null) {
            sql.append(" and p.region = :region");
            binds.put("region", query.region());
        }
        if (query.channel() != null) {
            sql.append(" and p.channels @> array[:channel]::text[]");
            binds.put("channel", query.channel().name());
        }
        if (query.merchantId() != null) {
            sql.append(" and p.merchant_id = :merchant");
            binds.put("merchant", query.merchantId());
        }
        if (query.minPrice() != null) {
            sql.append(" and p.price_fen >= :minPrice");
            binds.put("minPrice", query.minPrice());
        }
        if (query.maxPrice() != null) {
            sql.append(" and p.price_fen <= :maxPrice");
            binds.put("maxPrice", query.maxPrice());
        }
        if (query.q() != null && query.shortQuery()) {
            sql.append(" and p.search_grams @> array[lower(:q)]");
            binds.put("q", query.q());
        } else if (query.q() != null) {
            sql.append(" and (p.name || ' ' || p.description) ilike :pattern");
            binds.put("pattern", "%" + escapeLike(query.q()) + "%");
        }
        sql.append(" order by p.id desc limit :limit");
        binds.put("limit", query.page().limit() + 1);
        DatabaseClient.GenericExecuteSpec spec = db.sql(sql.toString());
        for (Map.Entry<String, Object> bind : binds.entrySet()) {
            spec = spec.bind(bind.getKey(), bind.getValue());
        }
        return spec.map(PublicProductRepository::card).all();
    }

    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static ProductCard card(Readable row) {
        Long cover = row.get("cover_id", Long.class);
        return new ProductCard(row.get("id", Long.class), row.get("name", String.class),
                ProductCategory.valueOf(row.get("category", String.class)), row.get("region", String.class),
                row.get("price_fen", Long.class), row.get("stock", Integer.class) == 0,
                ProductRepository.channels(row), row.get("merchant_id", Long.class),
                row.get("merchant_name", String.class), cover == null ? null : ProductView.image(cover).url());
    }
}
