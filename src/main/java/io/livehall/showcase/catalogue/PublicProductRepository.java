package io.livehall.showcase.catalogue;

import java.util.LinkedHashMap;
import java.util.Map;

import io.livehall.showcase.ProductCategory;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;

/**
 * The public list: on-sale products of active merchants in a {@link ProductSort} order, keyset-paged by (key, id).
 * Text search: three or more characters match {@code (name || ' ' || description) ilike '%q%'} through the
 * trigram index; one or two characters match {@code search_grams @> array[lower(q)]} (the text's distinct
 * one- and two-character grams, GIN-indexed). Both mean "contains q, ignoring case".
 * A query of latin letters and digits ({@link ProductPinyin#query}: {@code dyc}, {@code Dong Yu Cha}) also matches
 * the name's pinyin or initials ({@link ProductPinyin}): three or more letters anywhere in them, one or two letters
 * at their start. Both columns are trigram-indexed; pg_trgm indexes latin letters whatever the database's ctype.
 */
@Repository
class PublicProductRepository {

    private final DatabaseClient db;

    PublicProductRepository(DatabaseClient db) {
        this.db = db;
    }

    /** A card and the key it is sorted by ({@link ProductSort}; the id for newest). */
    record Listed(ProductCard card, long sortKey) {
    }

    /** {@code limit + 1} cards, so the caller can tell whether another page exists. */
    Flux<Listed> list(ProductQuery query) {
        ProductSort sort = query.sort();
        String sortKey = switch (sort) {
            case NEWEST -> "p.id";
            case PRICE_ASC, PRICE_DESC -> "p.price_fen";
            case SALES -> "s.sold";
        };
        StringBuilder sql = new StringBuilder("""
                select p.id, p.name, p.category, p.region, p.price_fen, p.stock, p.channels, p.merchant_id,
                       m.display_name as merchant_name, %s as sort_key,
                       (select i.file_id from product_image i where i.product_id = p.id order by i.position limit 1) as cover_id
                from product p join merchant m on m.id = p.merchant_id""".formatted(sortKey));
        if (sort == ProductSort.SALES) {
            // units of paid orders (customer_order_sold_idx: index-only sums per product)
            sql.append(" cross join lateral (select coalesce(sum(o.quantity), 0) as sold from customer_order o")
                    .append(" where o.product_id = p.id and o.status in ('PAID', 'SHIPPED', 'COMPLETED')) s");
        }
        sql.append(" where p.status = 'ON_SALE' and m.status = 'ACTIVE'");
        Map<String, Object> binds = new LinkedHashMap<>();
        if (query.page().afterId() != null) {
            switch (sort) {
                case NEWEST -> sql.append(" and p.id < :after");
                case PRICE_ASC -> sql.append(" and (p.price_fen, p.id) > (:afterKey, :after)");
                case PRICE_DESC -> sql.append(" and (p.price_fen, p.id) < (:afterKey, :after)");
                case SALES -> sql.append(" and (s.sold, p.id) < (:afterKey, :after)");
            }
            binds.put("after", query.page().afterId());
            if (sort.keyed()) {
                binds.put("afterKey", query.afterKey());
            }
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
        if (query.q() != null) {
            String pinyin = query.pinyin();
            if (query.shortQuery()) {
                sql.append(" and (p.search_grams @> array[lower(:q)]");
                binds.put("q", query.q());
                if (pinyin != null) {
                    // one or two letters: the start of a syllable run (of any heteronym variant), not anywhere
                    sql.append(" or p.name_pinyin like :pinyinStart or p.name_pinyin like :pinyinWordStart")
                            .append(" or p.name_initials like :pinyinStart or p.name_initials like :pinyinWordStart");
                    binds.put("pinyinStart", pinyin + "%");
                    binds.put("pinyinWordStart", "% " + pinyin + "%");
                }
                sql.append(")");
            } else {
                sql.append(" and ((p.name || ' ' || p.description) ilike :pattern");
                binds.put("pattern", "%" + escapeLike(query.q()) + "%");
                if (pinyin != null) {
                    // pinyin holds only [a-z0-9 ], the query only [a-z0-9]: nothing to escape, never spans variants
                    sql.append(" or p.name_pinyin like :pinyin or p.name_initials like :pinyin");
                    binds.put("pinyin", "%" + pinyin + "%");
                }
                sql.append(")");
            }
        }
        sql.append(switch (sort) {
            case NEWEST -> " order by p.id desc";
            case PRICE_ASC -> " order by p.price_fen, p.id";
            case PRICE_DESC -> " order by p.price_fen desc, p.id desc";
            case SALES -> " order by s.sold desc, p.id desc";
        });
        sql.append(" limit :limit");
        binds.put("limit", query.page().limit() + 1);
        DatabaseClient.GenericExecuteSpec spec = db.sql(sql.toString());
        for (Map.Entry<String, Object> bind : binds.entrySet()) {
            spec = spec.bind(bind.getKey(), bind.getValue());
        }
        return spec.map(row -> new Listed(card(row), row.get("sort_key", Long.class))).all();
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
