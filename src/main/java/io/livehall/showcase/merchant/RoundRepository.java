package io.livehall.showcase.merchant;

import java.time.Instant;

import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
class RoundRepository {

    /** A round with its figures, counted from its applications. */
    private static final String SELECT = """
            select r.id, r.name, r.quota, r.opens_at, r.closes_at, r.created_at,
                   now() >= r.opens_at and now() < r.closes_at as open,
                   count(a.id) as received,
                   count(a.id) filter (where a.status = 'SUBMITTED') as pending,
                   count(a.id) filter (where a.status = 'APPROVED') as approved
            from selection_round r left join merchant_application a on a.round_id = r.id
            """;

    /** A round's places and how many are taken. */
    record Quota(int places, long approved) {
        boolean full() {
            return approved >= places;
        }
    }

    private final DatabaseClient db;

    RoundRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<Long> insert(RoundRequest round, long createdBy) {
        return db.sql("""
                        insert into selection_round (name, quota, opens_at, closes_at, created_by)
                        values (:name, :quota, :opens, :closes, :by) returning id""")
                .bind("name", round.name().strip()).bind("quota", round.quota())
                .bind("opens", round.opensAt()).bind("closes", round.closesAt()).bind("by", createdBy)
                .map(row -> row.get("id", Long.class)).one();
    }

    Mono<RoundView> find(long id) {
        return db.sql(SELECT + " where r.id = :id group by r.id").bind("id", id).map(RoundRepository::map).one();
    }

    /** Every round, newest first (a handful a year: not paged). */
    Flux<RoundView> all() {
        return db.sql(SELECT + " group by r.id order by r.opens_at desc, r.id desc").map(RoundRepository::map).all();
    }

    Flux<OpenRound> open() {
        return db.sql("""
                        select id, name, quota, opens_at, closes_at from selection_round
                        where now() >= opens_at and now() < closes_at order by closes_at, id""")
                .map(row -> new OpenRound(row.get("id", Long.class), row.get("name", String.class),
                        row.get("quota", Integer.class), row.get("opens_at", Instant.class),
                        row.get("closes_at", Instant.class)))
                .all();
    }

    /**
     * Locks the round for the rest of the transaction and answers its quota and approvals so far: approvals
     * of one round take turns, so two of them can never both take the last place.
     */
    Mono<Quota> lockQuota(long roundId) {
        return db.sql("select quota from selection_round where id = :id for update").bind("id", roundId)
                .map(row -> row.get("quota", Integer.class)).one()
                .flatMap(quota -> db.sql("""
                                select count(*) as approved from merchant_application
                                where round_id = :id and status = 'APPROVED'""")
                        .bind("id", roundId).map(row -> row.get("approved", Long.class)).one()
                        .map(approved -> new Quota(quota, approved)));
    }

    private static RoundView map(Readable row) {
        int quota = row.get("quota", Integer.class);
        long approved = row.get("approved", Long.class);
        return new RoundView(row.get("id", Long.class), row.get("name", String.class), quota,
                row.get("opens_at", Instant.class), row.get("closes_at", Instant.class),
                Boolean.TRUE.equals(row.get("open", Boolean.class)), row.get("received", Long.class),
                row.get("pending", Long.class), approved, Math.max(0, quota - approved),
                row.get("created_at", Instant.class));
    }
}
