package io.livehall.fair.screening;

import java.time.Instant;

import io.livehall.fair.ParticipantStatus;
import io.livehall.fair.screening.FairViews.Invitation;
import io.livehall.fair.screening.FairViews.KnownEnterprise;
import io.livehall.fair.screening.FairViews.Registered;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** SQL of invitation links (shared, or named for one enterprise): only the SHA-256 of a token is stored. */
@Repository
class InvitationRepository {

    /** An invitation found by its token, with the fair it opens and what may stop it being used. */
    record Found(long id, long fairId, String note, Instant revokedAt, Instant expiresAt, boolean usedUp,
                 Long enterpriseId, String inviteeName) {
    }

    /** Selected from {@code fair_invitation i}: the list's columns, with the registration a named one led to. */
    private static final String INVITATION = """
            select i.id, i.note, i.max_uses, i.used, i.created_at, i.revoked_at, i.invitee_name, i.enterprise_id,
                   i.contact_phone, i.contact_email, i.expires_at, i.opened_at, r.id as participant_id,
                   r.name as registered_name, r.status as registered_status
              from fair_invitation i
              left join lateral (select p.id, e.name, p.status from fair_participant p
                                   join enterprise e on e.id = p.enterprise_id
                                  where p.invitation_id = i.id and i.invitee_name is not null
                                  order by p.id limit 1) r on true""";

    private final DatabaseClient db;

    InvitationRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<Invitation> insert(long fairId, byte[] tokenHash, InvitationRequest r, long byUser, Instant now) {
        return db.sql("""
                        insert into fair_invitation (fair_id, token_hash, note, max_uses, created_by, created_at)
                        values (:fair, :hash, :note, :max, :by, :now) returning id""")
                .bind("fair", fairId).bind("hash", tokenHash).bind("note", r.note().strip()).bind("max", r.uses())
                .bind("by", byUser).bind("now", now)
                .map(row -> row.get(0, Long.class)).one().flatMap(this::byId);
    }

    /** A named invitation: usable once, until {@code expiresAt}; its note says whom it is for. */
    Mono<Invitation> insertNamed(long fairId, byte[] tokenHash, String name, Long enterpriseId, String phone, String email,
                                 Instant expiresAt, long byUser, Instant now) {
        var spec = db.sql("""
                        insert into fair_invitation (fair_id, token_hash, note, max_uses, created_by, created_at,
                                                     invitee_name, enterprise_id, contact_phone, contact_email, expires_at)
                        values (:fair, :hash, :name, 1, :by, :now, :name, :enterprise, :phone, :email, :expires)
                        returning id""")
                .bind("fair", fairId).bind("hash", tokenHash).bind("name", name).bind("by", byUser).bind("now", now)
                .bind("expires", expiresAt);
        spec = enterpriseId == null ? spec.bindNull("enterprise", Long.class) : spec.bind("enterprise", enterpriseId);
        spec = phone == null ? spec.bindNull("phone", String.class) : spec.bind("phone", phone);
        spec = email == null ? spec.bindNull("email", String.class) : spec.bind("email", email);
        return spec.map(row -> row.get(0, Long.class)).one().flatMap(this::byId);
    }

    private Mono<Invitation> byId(long id) {
        return db.sql(INVITATION + " where i.id = :id").bind("id", id).map(InvitationRepository::invitationOf).one();
    }

    Flux<Invitation> ofFair(long fairId) {
        return db.sql(INVITATION + " where i.fair_id = :fair order by i.id desc limit 500")
                .bind("fair", fairId).map(InvitationRepository::invitationOf).all();
    }

    /** Revokes one; 0 rows when it is not this fair's or already revoked. */
    Mono<Long> revoke(long fairId, long id, Instant now) {
        return db.sql("update fair_invitation set revoked_at = :now where id = :id and fair_id = :fair and revoked_at is null")
                .bind("id", id).bind("fair", fairId).bind("now", now).fetch().rowsUpdated();
    }

    Mono<Found> find(byte[] tokenHash) {
        return db.sql("""
                        select id, fair_id, note, revoked_at, expires_at, used >= max_uses as used_up, enterprise_id,
                               invitee_name from fair_invitation where token_hash = :hash""")
                .bind("hash", tokenHash)
                .map(row -> new Found(row.get("id", Long.class), row.get("fair_id", Long.class),
                        row.get("note", String.class), row.get("revoked_at", Instant.class),
                        row.get("expires_at", Instant.class), Boolean.TRUE.equals(row.get("used_up", Boolean.class)),
                        row.get("enterprise_id", Long.class), row.get("invitee_name", String.class)))
                .one();
    }

    /** Notes when the link was first opened (later openings keep the first time). */
    Mono<Void> opened(long id, Instant now) {
        return db.sql("update fair_invitation set opened_at = :now where id = :id and opened_at is null")
                .bind("id", id).bind("now", now).fetch().rowsUpdated().then();
    }

    /** Takes one use of a live invitation, race-safe; 0 rows when revoked, expired or used up. */
    Mono<Long> use(long id, Instant now) {
        return db.sql("""
                        update fair_invitation set used = used + 1
                         where id = :id and revoked_at is null and used < max_uses
                           and (expires_at is null or expires_at > :now)""")
                .bind("id", id).bind("now", now).fetch().rowsUpdated();
    }

    /** Enterprises that registered for any of these fairs whose names hold {@code q}, by name (at most 20). */
    Flux<KnownEnterprise> known(Long[] fairIds, String q) {
        return db.sql("""
                        select distinct e.id, e.name, e.region from fair_participant p
                          join enterprise e on e.id = p.enterprise_id
                         where p.fair_id = any(:fairs) and strpos(e.name, :q) > 0
                         order by e.name, e.id limit 20""")
                .bind("fairs", fairIds).bind("q", q)
                .map(row -> new KnownEnterprise(row.get("id", Long.class), row.get("name", String.class),
                        row.get("region", String.class))).all();
    }

    /** The name of an enterprise that registered for any of these fairs; empty when it did not. */
    Mono<String> knownName(Long[] fairIds, long enterpriseId) {
        return db.sql("""
                        select e.name from enterprise e
                         where e.id = :id and exists (select 1 from fair_participant p
                                                       where p.enterprise_id = e.id and p.fair_id = any(:fairs))""")
                .bind("id", enterpriseId).bind("fairs", fairIds).map(row -> row.get(0, String.class)).one();
    }

    private static Invitation invitationOf(Readable row) {
        Long participant = row.get("participant_id", Long.class);
        Registered registered = participant == null ? null : new Registered(participant,
                row.get("registered_name", String.class),
                ParticipantStatus.valueOf(row.get("registered_status", String.class)));
        return new Invitation(row.get("id", Long.class), row.get("note", String.class),
                row.get("max_uses", Integer.class), row.get("used", Integer.class),
                row.get("created_at", Instant.class), row.get("revoked_at", Instant.class),
                row.get("invitee_name", String.class), row.get("enterprise_id", Long.class),
                row.get("contact_phone", String.class), row.get("contact_email", String.class),
                row.get("expires_at", Instant.class), row.get("opened_at", Instant.class), registered);
    }
}
