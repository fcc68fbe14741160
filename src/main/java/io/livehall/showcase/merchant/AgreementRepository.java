package io.livehall.showcase.merchant;

import java.time.Instant;

import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
class AgreementRepository {

    private static final String COLUMNS = "id, kind, version, title, body, text_sha256, published_at";

    /** An acceptance of a merchant: which version, when and by whom. */
    record Acceptance(long agreementId, Instant at, String by) {
    }

    private final DatabaseClient db;

    AgreementRepository(DatabaseClient db) {
        this.db = db;
    }

    /** The newest version of each kind. */
    Flux<AgreementView> current() {
        return db.sql("select distinct on (kind) " + COLUMNS + " from agreement_version order by kind, version desc")
                .map(AgreementRepository::map).all();
    }

    /** Every version, newest first per kind. */
    Flux<AgreementView> all() {
        return db.sql("select " + COLUMNS + " from agreement_version order by kind, version desc")
                .map(AgreementRepository::map).all();
    }

    Mono<AgreementView> find(long id) {
        return db.sql("select " + COLUMNS + " from agreement_version where id = :id").bind("id", id)
                .map(AgreementRepository::map).one();
    }

    /** Publishes the next version of a kind; two publishers at once collide on (kind, version). */
    Mono<AgreementView> publish(AgreementKind kind, String title, String body, String sha256, long publishedBy) {
        return db.sql("""
                        insert into agreement_version (kind, version, title, body, text_sha256, published_by)
                        select :kind, coalesce(max(version), 0) + 1, :title, :body, :sha, :by
                        from agreement_version where kind = :kind
                        returning\s""" + COLUMNS)
                .bind("kind", kind.name()).bind("title", title).bind("body", body).bind("sha", sha256)
                .bind("by", publishedBy)
                .map(AgreementRepository::map).one();
    }

    /** Records an acceptance once; a repeat changes nothing. */
    Mono<Long> accept(long merchantId, long agreementId, long userId, String sha256) {
        return db.sql("""
                        insert into agreement_acceptance (merchant_id, agreement_id, accepted_by, text_sha256)
                        values (:merchant, :agreement, :user, :sha) on conflict do nothing""")
                .bind("merchant", merchantId).bind("agreement", agreementId).bind("user", userId)
                .bind("sha", sha256)
                .fetch().rowsUpdated();
    }

    Flux<Acceptance> acceptances(long merchantId) {
        return db.sql("""
                        select a.agreement_id, a.accepted_at, u.display_name
                        from agreement_acceptance a join app_user u on u.id = a.accepted_by
                        where a.merchant_id = :merchant""")
                .bind("merchant", merchantId)
                .map(row -> new Acceptance(row.get("agreement_id", Long.class), row.get("accepted_at", Instant.class),
                        row.get("display_name", String.class)))
                .all();
    }

    private static AgreementView map(Readable row) {
        return new AgreementView(row.get("id", Long.class), AgreementKind.valueOf(row.get("kind", String.class)),
                row.get("version", Integer.class), row.get("title", String.class), row.get("body", String.class),
                row.get("text_sha256", String.class), row.get("published_at", Instant.class));
    }
}
