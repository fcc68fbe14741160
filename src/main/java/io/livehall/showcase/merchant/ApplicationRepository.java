package io.livehall.showcase.merchant;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.livehall.common.paging.PageRequest;
import io.livehall.identity.Enterprise;
import io.livehall.showcase.ProductCategory;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Applications, their documents and their status history. Reads join the enterprise and account tables. */
@Repository
class ApplicationRepository {

    private static final String SELECT = """
            select a.id, a.round_id, r.name as round_name, a.applicant_id, u.display_name as applicant_name,
                   a.contact_name, a.contact_phone, a.category, a.proposed_products, a.status, a.decision_reason,
                   a.created_at, a.updated_at,
                   %s
            from merchant_application a
            join selection_round r on r.id = a.round_id
            join enterprise e on e.id = a.enterprise_id
            join app_user u on u.id = a.applicant_id
            """.formatted(EnterpriseRows.COLUMNS);

    /** The columns a decision needs, read under a row lock. */
    record Locked(long id, long roundId, long enterpriseId, long applicantId, ApplicationStatus status) {
    }

    private final DatabaseClient db;

    ApplicationRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<Long> insert(long roundId, long enterpriseId, long applicantId, ApplicationRequest a) {
        return db.sql("""
                        insert into merchant_application (round_id, enterprise_id, applicant_id, contact_name,
                                                          contact_phone, category, proposed_products)
                        values (:round, :enterprise, :applicant, :name, :phone, :category, :products) returning id""")
                .bind("round", roundId).bind("enterprise", enterpriseId).bind("applicant", applicantId)
                .bind("name", a.contactName().strip()).bind("phone", a.contactPhone())
                .bind("category", a.category().name()).bind("products", a.proposedProducts().strip())
                .map(row -> row.get("id", Long.class)).one();
    }

    /** A revision: new fields, back to SUBMITTED; only while changes are requested (answers the rows changed). */
    Mono<Long> revise(long id, ApplicationRequest a) {
        return db.sql("""
                        update merchant_application
                        set contact_name = :name, contact_phone = :phone, category = :category,
                            proposed_products = :products, status = 'SUBMITTED', decision_reason = null,
                            updated_at = now()
                        where id = :id and status = 'CHANGES_REQUESTED'""")
                .bind("id", id).bind("name", a.contactName().strip()).bind("phone", a.contactPhone())
                .bind("category", a.category().name()).bind("products", a.proposedProducts().strip())
                .fetch().rowsUpdated();
    }

    Mono<Void> replaceDocuments(long applicationId, List<DocumentInput> documents) {
        return db.sql("delete from application_document where application_id = :id").bind("id", applicationId)
                .fetch().rowsUpdated()
                .thenMany(Flux.fromIterable(documents).concatMap(d -> db.sql("""
                                insert into application_document (application_id, file_id, kind)
                                values (:app, :file, :kind)""")
                        .bind("app", applicationId).bind("file", d.fileId()).bind("kind", d.kind().name())
                        .fetch().rowsUpdated()))
                .then();
    }

    Mono<Void> recordChange(long applicationId, ApplicationStatus from, ApplicationStatus to, String reason,
                            long actorId) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                        insert into application_status_change (application_id, from_status, to_status, reason, actor_id)
                        values (:app, :from, :to, :reason, :actor)""")
                .bind("app", applicationId).bind("to", to.name()).bind("actor", actorId);
        spec = from == null ? spec.bindNull("from", String.class) : spec.bind("from", from.name());
        spec = reason == null ? spec.bindNull("reason", String.class) : spec.bind("reason", reason);
        return spec.fetch().rowsUpdated().then();
    }

    Mono<Locked> lock(long id) {
        return db.sql("""
                        select id, round_id, enterprise_id, applicant_id, status
                        from merchant_application where id = :id for update""")
                .bind("id", id)
                .map(row -> new Locked(row.get("id", Long.class), row.get("round_id", Long.class),
                        row.get("enterprise_id", Long.class), row.get("applicant_id", Long.class),
                        ApplicationStatus.valueOf(row.get("status", String.class))))
                .one();
    }

    Mono<Void> decide(long id, ApplicationStatus to, String reason) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                        update merchant_application set status = :to, decision_reason = :reason, updated_at = now()
                        where id = :id""")
                .bind("id", id).bind("to", to.name());
        spec = reason == null ? spec.bindNull("reason", String.class) : spec.bind("reason", reason);
        return spec.fetch().rowsUpdated().then();
    }

    Mono<Boolean> exists(long roundId, long enterpriseId) {
        return db.sql("select 1 from merchant_application where round_id = :round and enterprise_id = :enterprise")
                .bind("round", roundId).bind("enterprise", enterpriseId)
                .map(row -> true).one().defaultIfEmpty(false);
    }

    Mono<ApplicationView> find(long id) {
        return db.sql(SELECT + " where a.id = :id").bind("id", id).map(ApplicationRepository::map).one()
                .flatMap(view -> withDetails(List.of(view)).map(list -> list.get(0)));
    }

    /** Every application of an enterprise, newest first. */
    Mono<List<ApplicationView>> ofEnterprise(long enterpriseId) {
        return db.sql(SELECT + " where a.enterprise_id = :enterprise order by a.id desc")
                .bind("enterprise", enterpriseId).map(ApplicationRepository::map).all().collectList()
                .flatMap(this::withDetails);
    }

    /** One page of a round's applications in the order they arrived ({@code limit + 1} rows). */
    Mono<List<ApplicationView>> ofRound(long roundId, ApplicationStatus status, PageRequest page) {
        StringBuilder sql = new StringBuilder(SELECT).append(" where a.round_id = :round");
        if (status != null) {
            sql.append(" and a.status = :status");
        }
        if (page.afterId() != null) {
            sql.append(" and a.id > :after");
        }
        sql.append(" order by a.id limit :limit");
        DatabaseClient.GenericExecuteSpec spec = db.sql(sql.toString()).bind("round", roundId)
                .bind("limit", page.limit() + 1);
        if (status != null) {
            spec = spec.bind("status", status.name());
        }
        if (page.afterId() != null) {
            spec = spec.bind("after", page.afterId());
        }
        return spec.map(ApplicationRepository::map).all().collectList().flatMap(this::withDetails);
    }

    /** Adds documents and history to applications with two queries, whatever their number. */
    private Mono<List<ApplicationView>> withDetails(List<ApplicationView> views) {
        if (views.isEmpty()) {
            return Mono.just(views);
        }
        Long[] ids = views.stream().map(ApplicationView::id).toArray(Long[]::new);
        Mono<Map<Long, List<ApplicationView.Document>>> documents = db.sql("""
                        select d.application_id, d.file_id, d.kind, f.original_name, f.content_type, f.size_bytes
                        from application_document d join stored_file f on f.id = d.file_id
                        where d.application_id = any(:ids) order by d.application_id, d.kind, d.file_id""")
                .bind("ids", ids)
                .map(row -> Map.entry(row.get("application_id", Long.class), new ApplicationView.Document(
                        row.get("file_id", Long.class), DocumentKind.valueOf(row.get("kind", String.class)),
                        row.get("original_name", String.class), row.get("content_type", String.class),
                        row.get("size_bytes", Long.class), "/api/files/" + row.get("file_id", Long.class))))
                .all().collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        Mono<Map<Long, List<ApplicationView.StatusChange>>> history = db.sql("""
                        select c.application_id, c.from_status, c.to_status, c.reason, c.actor_id,
                               u.display_name as actor_name, c.changed_at
                        from application_status_change c join app_user u on u.id = c.actor_id
                        where c.application_id = any(:ids) order by c.id""")
                .bind("ids", ids)
                .map(row -> Map.entry(row.get("application_id", Long.class), new ApplicationView.StatusChange(
                        status(row.get("from_status", String.class)), status(row.get("to_status", String.class)),
                        row.get("reason", String.class), row.get("actor_id", Long.class),
                        row.get("actor_name", String.class), row.get("changed_at", Instant.class))))
                .all().collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return Mono.zip(documents, history).map(t -> views.stream()
                .map(v -> v.with(t.getT1().getOrDefault(v.id(), List.of()), t.getT2().getOrDefault(v.id(), List.of())))
                .toList());
    }

    private static ApplicationStatus status(String value) {
        return value == null ? null : ApplicationStatus.valueOf(value);
    }

    private static ApplicationView map(Readable row) {
        Enterprise enterprise = EnterpriseRows.map(row);
        return new ApplicationView(row.get("id", Long.class), row.get("round_id", Long.class),
                row.get("round_name", String.class), enterprise, row.get("applicant_id", Long.class),
                row.get("applicant_name", String.class), row.get("contact_name", String.class),
                row.get("contact_phone", String.class), ProductCategory.valueOf(row.get("category", String.class)),
                row.get("proposed_products", String.class), ApplicationStatus.valueOf(row.get("status", String.class)),
                row.get("decision_reason", String.class), List.of(), List.of(),
                row.get("created_at", Instant.class), row.get("updated_at", Instant.class));
    }
}
