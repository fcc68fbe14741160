package io.livehall.fair.screening;

import java.time.Instant;

import io.livehall.fair.screening.FairViews.Invitation;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** SQL of invitation links: only the SHA-256 of a token is stored. */
@Repository
class InvitationRepository {

    /** An invitation found by its token, with the fair it opens. */
    record Found(long id, long fairId, String note, boolean usable) {
    }

    private final DatabaseClient db;

    InvitationRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<Invitation> insert(long fairId, byte[] tokenHash, InvitationRequest r, long byUser, Instant now) {
        return db.sql("""
                        insert into fair_invitation (fair_id, token_hash, note, max_uses, created_by, created_at)
                        values (:fair, :hash, :note, :max, :by, :now)
                        returning id, note, max_uses, used, created_at, revoked_at""")
                .bind("fair", fairId).bind("hash", tokenHash).bind("note", r.note().strip()).bind("max", r.uses())
                .bind("by", byUser).bind("now", now)
                .map(InvitationRepository::invitationOf).one();
    }

    Flux<Invitation> ofFair(long fairId) {
        return db.sql("""
                        select id, note, max_uses, used, created_at, revoked_at from fair_invitation
                         where fair_id = :fair order by id desc limit 500""")
                .bind("fair", fairId).map(InvitationRepository::invitationOf).all();
    }

    /** Revokes one; 0 rows when it is not this fair's or already revoked. */
    Mono<Long> revoke(long fairId, long id, Instant now) {
        return db.sql("update fair_invitation set revoked_at = :now where id = :id and fair_id = :fair and revoked_at is null")
                .bind("id", id).bind("fair", fairId).bind("now", now).fetch().rowsUpdated();
    }

    Mono<Found> find(byte[] tokenHash) {
        return db.sql("select id, fair_id, note, revoked_at is null and used < max_uses as usable from fair_invitation where token_hash = :hash")
                .bind("hash", tokenHash)
                .map(row -> new Found(row.get("id", Long.class), row.get("fair_id", Long.class),
                        row.get("note", String.class), Boolean.TRUE.equals(row.get("usable", Boolean.class))))
                .one();
    }

    /** Takes one use of a live invitation, race-safe; 0 rows when revoked or used up. */
    Mono<Long> use(long id) {
        return db.sql("update fair_invitation set used = used + 1 where id = :id and revoked_at is null and used < max_uses")
                .bind("id", id).fetch().rowsUpdated();
    }

    private static Invitation invitationOf(Readable row) {
        return new Invitation(row.get("id", Long.class), row.get("note", String.class),
                row.get("max_uses", Integer.class), row.get("used", Integer.class),
                row.get("created_at", Instant.class), row.get("revoked_at", Instant.class));
    }
}
