package io.livehall.showcase.catalogue;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import io.livehall.common.paging.PageRequest;
import io.livehall.showcase.ProductCategory;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Products and their images in PostgreSQL (DatabaseClient SQL). Every write bumps {@code version}. */
@Repository
class ProductRepository {

    private static final String VIEW = """
            select p.id, p.merchant_id, m.display_name as merchant_name, p.name, p.category, p.region, p.description,
                   p.price_fen, p.stock, p.channels, p.status, p.version, p.created_at, p.updated_at,
                   array(select i.file_id from product_image i where i.product_id = p.id order by i.position) as image_ids
            from product p join merchant m on m.id = p.merchant_id
            """;

    private final DatabaseClient db;
    private final ProductPinyin pinyin;

    ProductRepository(DatabaseClient db, ProductPinyin pinyin) {
        this.db = db;
        this.pinyin = pinyin;
    }

    Mono<Long> insert(long merchantId, ProductRequest p) {
        ProductPinyin.Keys keys = pinyin.of(p.name().strip());
        return db.sql("""
                        insert into product (merchant_id, name, category, region, description, price_fen, stock, channels,
                                             name_pinyin, name_initials)
                        values (:merchant, :name, :category, :region, :description, :price, :stock, :channels,
                                :pinyin, :initials)
                        returning id""")
                .bind("merchant", merchantId)
                .bind("pinyin", keys.full()).bind("initials", keys.initials())
                .bind("name", p.name().strip()).bind("category", p.category().name()).bind("region", p.region().strip())
                .bind("description", p.descriptionText()).bind("price", p.priceFen()).bind("stock", p.stock())
                .bind("channels", channelArray(p.channelList()))
                .map(row -> row.get("id", Long.class)).one();
    }

    /** Updates the merchant's product if it still has {@code version}; answers the rows updated (0 or 1). */
    Mono<Long> update(long id, long merchantId, ProductRequest p) {
        ProductPinyin.Keys keys = pinyin.of(p.name().strip());
        return db.sql("""
                        update product set name = :name, category = :category, region = :region, description = :description,
                               price_fen = :price, stock = :stock, channels = :channels,
                               name_pinyin = :pinyin, name_initials = :initials,
                               version = version + 1, updated_at = now()
                        where id = :id and merchant_id = :merchant and version = :version""")
                .bind("pinyin", keys.full()).bind("initials", keys.initials())
                .bind("name", p.name().strip()).bind("category", p.category().name()).bind("region", p.region().strip())
                .bind("description", p.descriptionText()).bind("price", p.priceFen()).bind("stock", p.stock())
                .bind("channels", channelArray(p.channelList()))
                .bind("id", id).bind("merchant", merchantId).bind("version", p.version())
                .fetch().rowsUpdated();
    }

    /** Replaces the product's images by {@code fileIds} in that order. */
    Mono<Void> replaceImages(long productId, List<Long> fileIds) {
        Mono<Long> delete = db.sql("delete from product_image where product_id = :id").bind("id", productId)
                .fetch().rowsUpdated();
        if (fileIds.isEmpty()) {
            return delete.then();
        }
        return delete.then(db.sql("""
                        insert into product_image (product_id, file_id, position)
                        select :id, f.file_id, f.ord - 1 from unnest(:files::bigint[]) with ordinality as f(file_id, ord)""")
                .bind("id", productId).bind("files", fileIds.toArray(Long[]::new))
                .fetch().rowsUpdated()).then();
    }

    /** How many of {@code fileIds} are images the user uploaded or the product already shows. */
    Mono<Long> countUsableImages(long userId, Long productId, List<Long> fileIds) {
        return db.sql("""
                        select count(*) from stored_file f
                        where f.id = any(:files) and f.purpose = 'IMAGE'
                          and (f.owner_id = :user
                               or exists (select 1 from product_image i where i.product_id = :product and i.file_id = f.id))""")
                .bind("files", fileIds.toArray(Long[]::new)).bind("user", userId)
                .bind("product", productId == null ? -1L : productId)
                .map(row -> row.get(0, Long.class)).one();
    }

    /**
     * Moves the merchant's product from one of {@code from} to {@code to}; publishing also needs an image.
     * Answers the rows updated (0 or 1).
     */
    Mono<Long> changeStatus(long id, long merchantId, List<ProductStatus> from, ProductStatus to) {
        String needsImage = to == ProductStatus.ON_SALE
                ? " and exists (select 1 from product_image i where i.product_id = product.id)" : "";
        return db.sql("""
                        update product set status = :to, version = version + 1, updated_at = now()
                        where id = :id and merchant_id = :merchant and status = any(:from)""" + needsImage)
                .bind("to", to.name()).bind("id", id).bind("merchant", merchantId)
                .bind("from", from.stream().map(Enum::name).toArray(String[]::new))
                .fetch().rowsUpdated();
    }

    /** Deletes the merchant's product if it is still a draft (never on sale). */
    Mono<Long> deleteDraft(long id, long merchantId) {
        return db.sql("delete from product where id = :id and merchant_id = :merchant and status = 'DRAFT'")
                .bind("id", id).bind("merchant", merchantId)
                .fetch().rowsUpdated();
    }

    Mono<ProductView> findOfMerchant(long id, long merchantId) {
        return db.sql(VIEW + " where p.id = :id and p.merchant_id = :merchant")
                .bind("id", id).bind("merchant", merchantId)
                .map(ProductRepository::view).one();
    }

    /** A product page the public may see: not a draft, of an active merchant. */
    Mono<ProductView> findPublic(long id) {
        return db.sql(VIEW + " where p.id = :id and p.status <> 'DRAFT' and m.status = 'ACTIVE'")
                .bind("id", id)
                .map(ProductRepository::view).one();
    }

    /** The merchant's products, newest first, {@code limit + 1} rows. */
    Flux<ProductView> listOfMerchant(long merchantId, ProductStatus status, PageRequest page) {
        StringBuilder sql = new StringBuilder(VIEW).append(" where p.merchant_id = :merchant");
        if (status != null) {
            sql.append(" and p.status = :status");
        }
        if (page.afterId() != null) {
            sql.append(" and p.id < :after");
        }
        sql.append(" order by p.id desc limit :limit");
        DatabaseClient.GenericExecuteSpec spec = db.sql(sql.toString())
                .bind("merchant", merchantId).bind("limit", page.limit() + 1);
        if (status != null) {
            spec = spec.bind("status", status.name());
        }
        if (page.afterId() != null) {
            spec = spec.bind("after", page.afterId());
        }
        return spec.map(ProductRepository::view).all();
    }

    /** Up to {@code limit} products whose search pinyin is not computed yet (id and name). */
    Flux<NameToIndex> withoutPinyin(int limit) {
        return db.sql("select id, name from product where name_pinyin is null order by id limit :limit")
                .bind("limit", limit)
                .map(row -> new NameToIndex(row.get("id", Long.class), row.get("name", String.class))).all();
    }

    /** Stores the pinyin of {@code name} unless the product was renamed meanwhile; answers the rows updated. */
    Mono<Long> storePinyin(NameToIndex product) {
        ProductPinyin.Keys keys = pinyin.of(product.name());
        return db.sql("update product set name_pinyin = :pinyin, name_initials = :initials where id = :id and name = :name")
                .bind("pinyin", keys.full()).bind("initials", keys.initials())
                .bind("id", product.id()).bind("name", product.name())
                .fetch().rowsUpdated();
    }

    record NameToIndex(long id, String name) {
    }

    /** Product ids of a merchant (to evict their cached pages when the merchant changes). */
    Flux<Long> idsOfMerchant(long merchantId) {
        return db.sql("select id from product where merchant_id = :merchant").bind("merchant", merchantId)
                .map(row -> row.get("id", Long.class)).all();
    }

    static String[] channelArray(List<SalesChannel> channels) {
        return channels.stream().map(Enum::name).toArray(String[]::new);
    }

    static List<SalesChannel> channels(Readable row) {
        String[] names = row.get("channels", String[].class);
        return names == null ? List.of() : Arrays.stream(names).map(SalesChannel::valueOf).sorted().toList();
    }

    private static ProductView view(Readable row) {
        Long[] imageIds = row.get("image_ids", Long[].class);
        return new ProductView(row.get("id", Long.class), row.get("merchant_id", Long.class),
                row.get("merchant_name", String.class), row.get("name", String.class),
                ProductCategory.valueOf(row.get("category", String.class)), row.get("region", String.class),
                row.get("description", String.class), row.get("price_fen", Long.class), row.get("stock", Integer.class),
                channels(row), ProductStatus.valueOf(row.get("status", String.class)),
                imageIds == null ? List.of() : Arrays.stream(imageIds).map(ProductView::image).toList(),
                row.get("version", Integer.class), row.get("created_at", Instant.class),
                row.get("updated_at", Instant.class));
    }
}
