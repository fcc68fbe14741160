package io.livehall.identity;

import java.time.Instant;

import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
class JoinRequestRepository {

    private static final String SELECT = """
            select r.id, r.enterprise_id, e.name as enterprise_name, r.user_id, u.display_name, u.username,
                   r.status, r.created_at, r.decided_at
            from enterprise_join_request r
            join enterprise e on e.id = r.enterprise_id
            join app_user u on u.id = r.user_id
            """;

    private final DatabaseClient db;

    JoinRequestRepository(DatabaseClient db) {
        this.db = db;
    }

    /** A pending request; the partial unique index refuses a second pending one of the same user. */
    Mono<Long> insert(long enterpriseId, long userId, Instant at) {
        return db.sql("""
                        insert into enterprise_join_request (enterprise_id, user_id, created_at, updated_at)
                        values (:enterprise, :user, :at, :at) returning id""")
                .bind("enterprise", enterpriseId).bind("user", userId).bind("at", at)
                .map(row -> row.get("id", Long.class)).one();
    }

    Mono<JoinRequest> findById(long id) {
        return db.sql(SELECT + " where r.id = :id").bind("id", id).map(JoinRequestRepository::map).one();
    }

    /** The user's own requests, newest first (the last 20). */
    Flux<JoinRequest> ofUser(long userId) {
        return db.sql(SELECT + " where r.user_id = :user order by r.id desc limit 20")
                .bind("user", userId).map(JoinRequestRepository::map).all();
    }

    /** Pending requests to an enterprise, oldest first (at most 100). */
    Flux<JoinRequest> pendingFor(long enterpriseId) {
        return db.sql(SELECT + " where r.enterprise_id = :enterprise and r.status = 'PENDING' order by r.id limit 100")
                .bind("enterprise", enterpriseId).map(JoinRequestRepository::map).all();
    }

    Mono<Boolean> hasPending(long userId) {
        return db.sql("select 1 from enterprise_join_request where user_id = :user and status = 'PENDING'")
                .bind("user", userId).map(row -> true).first().defaultIfEmpty(false);
    }

    /** Moves a pending request to {@code to}; answers the rows changed (0 if it was no longer pending). */
    Mono<Long> decide(long id, JoinRequestStatus to, Long decidedBy, Instant at) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                        update enterprise_join_request
                        set status = :to, decided_by = :by, decided_at = :at, updated_at = :at
                        where id = :id and status = 'PENDING'""")
                .bind("to", to.name()).bind("at", at).bind("id", id);
        spec = decidedBy == null ? spec.bindNull("by", Long.class) : spec.bind("by", decidedBy);
        return spec.fetch().rowsUpdated();
    }

    private static JoinRequest map(Readable row) {
        return new JoinRequest(row.get("id", Long.class), row.get("enterprise_id", Long.class),
                row.get("enterprise_name", String.class), row.get("user_id", Long.class),
                row.get("display_name", String.class), row.get("username", String.class),
                JoinRequestStatus.valueOf(row.get("status", String.class)),
                row.get("created_at", Instant.class), row.get("decided_at", Instant.class));
    }
}
