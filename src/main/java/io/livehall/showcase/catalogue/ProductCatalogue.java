package io.livehall.showcase.catalogue;

import java.util.Collection;

import io.livehall.common.error.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The catalogue's public face for orders, live sessions and quotes. Stock changes run on the caller's
 * transaction when called inside one (R2DBC transactions follow the reactive context), so an order and its
 * stock change commit or roll back together. The product's cached page is evicted when that transaction
 * commits (at once without one), so a product page never shows the stock from before an order.
 */
@Service
public class ProductCatalogue {

    private final DatabaseClient db;
    private final CatalogueEvictions evictions;
    private final ProductRepository products;

    ProductCatalogue(DatabaseClient db, CatalogueEvictions evictions, ProductRepository products) {
        this.db = db;
        this.evictions = evictions;
        this.products = products;
    }

    /** The product (any status); a 404 problem if there is none. */
    public Mono<ProductSnapshot> find(long productId) {
        return db.sql("select id, merchant_id, name, price_fen, stock, status from product where id = :id")
                .bind("id", productId)
                .map(row -> new ProductSnapshot(row.get("id", Long.class), row.get("merchant_id", Long.class),
                        row.get("name", String.class), row.get("price_fen", Long.class), row.get("stock", Integer.class),
                        row.get("status", String.class)))
                .one()
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("商品")));
    }

    /** Takes {@code quantity} from an on-sale product's stock, or fails with 409 {@code out-of-stock}. */
    public Mono<Void> takeStock(long productId, int quantity) {
        return db.sql("""
                        update product set stock = stock - :n, version = version + 1, updated_at = now()
                        where id = :id and status = 'ON_SALE' and stock >= :n
                        returning stock""")
                .bind("n", quantity).bind("id", productId)
                .map(row -> row.get("stock", Integer.class))
                .one()
                .switchIfEmpty(Mono.error(() -> new ApiProblem(HttpStatus.CONFLICT, "out-of-stock", "库存不足")))
                // lists show only "sold out", so they change only when the last piece goes
                .flatMap(left -> evictions.afterCommit(evictions.changed(productId, left == 0)));
    }

    /** Gives stock back (a cancelled order, a flash deal's unsold quantity). */
    public Mono<Void> returnStock(long productId, int quantity) {
        return db.sql("""
                        update product set stock = stock + :n, version = version + 1, updated_at = now()
                        where id = :id
                        returning stock""")
                .bind("n", quantity).bind("id", productId)
                .map(row -> row.get("stock", Integer.class))
                .one()
                .flatMap(stock -> evictions.afterCommit(evictions.changed(productId, stock - quantity == 0 && quantity > 0)));
    }

    /**
     * Call after a merchant's display name or status changed: its product pages and every list page are
     * evicted (they show the merchant's name; a suspended merchant's products leave the hall). Inside a
     * transaction the eviction waits for the commit.
     */
    public Mono<Void> merchantChanged(long merchantId) {
        return products.idsOfMerchant(merchantId).collectList()
                .flatMap(ids -> evictions.afterCommit(Flux.fromIterable(ids)
                        .concatMap(id -> evictions.changed(id, false))
                        .then(evictions.listsChanged())));
    }

    /** The products with these ids (any status, any merchant; unknown ids are left out), each with its first image. */
    public Flux<LineupProduct> cards(Collection<Long> productIds) {
        if (productIds.isEmpty()) {
            return Flux.empty();
        }
        return db.sql("""
                        select p.id, p.merchant_id, p.name, p.price_fen, p.status,
                               (select i.file_id from product_image i where i.product_id = p.id
                                order by i.position, i.file_id limit 1) as cover_file_id
                        from product p where p.id = any(:ids)""")
                .bind("ids", productIds.toArray(Long[]::new))
                .map(row -> new LineupProduct(row.get("id", Long.class), row.get("merchant_id", Long.class),
                        row.get("name", String.class), row.get("price_fen", Long.class), row.get("status", String.class),
                        row.get("cover_file_id", Long.class)))
                .all();
    }

    /** The merchant's on-sale products, newest first (at most {@code limit}), for pickers such as a live lineup. */
    public Flux<LineupProduct> onSale(long merchantId, int limit) {
        return db.sql("""
                        select p.id from product p where p.merchant_id = :m and p.status = 'ON_SALE'
                        order by p.id desc limit :limit""")
                .bind("m", merchantId).bind("limit", limit)
                .map(row -> row.get("id", Long.class)).all()
                .collectList()
                .flatMapMany(ids -> cards(ids).collectMap(LineupProduct::id)
                        .flatMapIterable(byId -> ids.stream().map(byId::get).toList()));
    }
}
