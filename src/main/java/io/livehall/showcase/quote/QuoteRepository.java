package io.livehall.showcase.quote;

import java.time.Clock;
import java.time.Instant;

import io.livehall.common.paging.PageRequest;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Quote requests (SQL); every status change is a conditional update on the state it starts from. */
@Repository
class QuoteRepository {

    private final DatabaseClient db;

    private final Clock clock;

    QuoteRepository(DatabaseClient db, Clock clock) {
        this.clock = clock;
        this.db = db;
    }

    Mono<Long> insert(long buyerId, String buyerName, long enterpriseId, String enterpriseName, long merchantId,
                      long productId, String productName, int quantity, String note) {
        return db.sql("""
                        insert into quote_request (buyer_id, buyer_name, enterprise_id, enterprise_name, merchant_id,
                                                   product_id, product_name, quantity, note)
                        values (:buyer, :buyerName, :enterprise, :enterpriseName, :merchant, :product, :productName,
                                :quantity, :note)
                        returning id""")
                .bind("buyer", buyerId).bind("buyerName", buyerName).bind("enterprise", enterpriseId)
                .bind("enterpriseName", enterpriseName).bind("merchant", merchantId).bind("product", productId)
                .bind("productName", productName).bind("quantity", quantity).bind("note", note)
                .map(row -> row.get(0, Long.class)).one();
    }

    Mono<Quote> find(long id) {
        return db.sql(Quote.SELECT + " where q.id = :id").bind("id", id).map(row -> Quote.map(row, clock.instant())).one();
    }

    Flux<Quote> list(String owner, long ownerId, String status, PageRequest page) {
        StringBuilder sql = new StringBuilder(Quote.SELECT).append(" where q.").append(owner).append(" = :owner");
        if (status != null) {
            sql.append(" and q.status = :status");
        }
        if (page.afterId() != null) {
            sql.append(" and q.id < :after");
        }
        sql.append(" order by q.id desc limit :limit");
        DatabaseClient.GenericExecuteSpec spec = db.sql(sql.toString()).bind("owner", ownerId).bind("limit", page.limit() + 1);
        if (status != null) {
            spec = spec.bind("status", status);
        }
        if (page.afterId() != null) {
            spec = spec.bind("after", page.afterId());
        }
        return spec.map(row -> Quote.map(row, clock.instant())).all();
    }

    Mono<Long> answer(long id, long merchantId, long unitPriceFen, Instant validUntil, String note) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                        update quote_request set status = 'ANSWERED', unit_price_fen = :price, valid_until = :until,
                               answer_note = :note, answered_at = now(), updated_at = now()
                        where id = :id and merchant_id = :m and status in ('REQUESTED', 'ANSWERED')""")
                .bind("id", id).bind("m", merchantId).bind("price", unitPriceFen).bind("until", validUntil);
        spec = note == null ? spec.bindNull("note", String.class) : spec.bind("note", note);
        return spec.fetch().rowsUpdated();
    }

    /**
     * Moves the buyer's quote from one status to another; {@code validOnly} also needs an answer unexpired by the
     * application's clock (the one reads show EXPIRED by).
     */
    Mono<Long> move(long id, long buyerId, String from, String to, boolean validOnly) {
        var spec = db.sql("update quote_request set status = :to, updated_at = now() where id = :id and buyer_id = :b and status = :from"
                        + (validOnly ? " and valid_until > :now" : ""))
                .bind("id", id).bind("b", buyerId).bind("from", from).bind("to", to);
        return (validOnly ? spec.bind("now", clock.instant()) : spec).fetch().rowsUpdated();
    }
}
