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
 * stock change commit or roll back together.
 */
@Service
public class ProductCatalogue {

    private final DatabaseClient db;

    ProductCatalogue(DatabaseClient db) {
        this.db = db;
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
                        where id = :id and status = 'ON_SALE' and stock >= :n""")
                .bind("n", quantity).bind("id", productId)
                .fetch().rowsUpdated()
                .flatMap(rows -> rows == 1 ? Mono.<Void>empty()
                        : Mono.error(new ApiProblem(HttpStatus.CONFLICT, "out-of-stock", "库存不足")));
    }

    /** Gives stock back (a cancelled order, a flash deal's unsold quantity). */
    public Mono<Void> returnStock(long productId, int quantity) {
        return db.sql("update product set stock = stock + :n, version = version + 1, updated_at = now() where id = :id")
                .bind("n", quantity).bind("id", productId)
                .fetch().rowsUpdated().then();
    }

    /** The products with these ids (any status, any merchant; unknown ids are left out), each with its first image. */
    public Flux<ProductCard> cards(Collection<Long> productIds) {
        if (productIds.isEmpty()) {
            return Flux.empty();
        }
        return db.sql("""
                        select p.id, p.merchant_id, p.name, p.price_fen, p.status,
                               (select i.file_id from product_image i where i.product_id = p.id
                                order by i.position, i.file_id limit 1) as cover_file_id
                        from product p where p.id = any(:ids)""")
                .bind("ids", productIds.toArray(Long[]::new))
                .map(row -> new ProductCard(row.get("id", Long.class), row.get("merchant_id", Long.class),
                        row.get("name", String.class), row.get("price_fen", Long.class), row.get("status", String.class),
                        row.get("cover_file_id", Long.class)))
                .all();
    }

    /** The merchant's on-sale products, newest first (at most {@code limit}), for pickers such as a live lineup. */
    public Flux<ProductCard> onSale(long merchantId, int limit) {
        return db.sql("""
                        select p.id from product p where p.merchant_id = :m and p.status = 'ON_SALE'
                        order by p.id desc limit :limit""")
                .bind("m", merchantId).bind("limit", limit)
                .map(row -> row.get("id", Long.class)).all()
                .collectList()
                .flatMapMany(ids -> cards(ids).collectMap(ProductCard::id)
                        .flatMapIterable(byId -> ids.stream().map(byId::get).toList()));
    }
}
