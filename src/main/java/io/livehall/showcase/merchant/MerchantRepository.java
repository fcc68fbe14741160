package io.livehall.showcase.merchant;

import java.time.Instant;

import io.livehall.common.paging.PageRequest;
import io.livehall.identity.Enterprise;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Repository
class MerchantRepository {

    /** Whether merchant {@code m} accepted the newest version of every agreement kind. */
    static final String AGREED = """
            not exists (select 1 from (select distinct on (kind) id from agreement_version
                                       order by kind, version desc) newest
                        where not exists (select 1 from agreement_acceptance acc
                                          where acc.merchant_id = m.id and acc.agreement_id = newest.id))""";

    private static final String SELECT = """
            select m.id, m.display_name, m.status, m.application_id, m.live_allowance, m.created_at, m.updated_at,
                   %s as agreed,
                   %s
            from merchant m join enterprise e on e.id = m.enterprise_id
            """.formatted(AGREED, EnterpriseRows.COLUMNS);

    private final DatabaseClient db;

    MerchantRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<Boolean> existsForEnterprise(long enterpriseId) {
        return db.sql("select 1 from merchant where enterprise_id = :id").bind("id", enterpriseId)
                .map(row -> true).one().defaultIfEmpty(false);
    }

    /** The merchant of an approved application, named after its enterprise. */
    Mono<Long> insert(long enterpriseId, long applicationId) {
        return db.sql("""
                        insert into merchant (enterprise_id, application_id, display_name)
                        select e.id, :app, e.name from enterprise e where e.id = :enterprise returning id""")
                .bind("enterprise", enterpriseId).bind("app", applicationId)
                .map(row -> row.get("id", Long.class)).one();
    }

    Mono<MerchantView> find(long id) {
        return db.sql(SELECT + " where m.id = :id").bind("id", id).map(MerchantRepository::map).one();
    }

    /** Newest first, {@code limit + 1} rows. */
    Flux<MerchantView> list(MerchantStatus status, PageRequest page) {
        StringBuilder sql = new StringBuilder(SELECT).append(" where true");
        if (status != null) {
            sql.append(" and m.status = :status");
        }
        if (page.afterId() != null) {
            sql.append(" and m.id < :after");
        }
        sql.append(" order by m.id desc limit :limit");
        DatabaseClient.GenericExecuteSpec spec = db.sql(sql.toString()).bind("limit", page.limit() + 1);
        if (status != null) {
            spec = spec.bind("status", status.name());
        }
        if (page.afterId() != null) {
            spec = spec.bind("after", page.afterId());
        }
        return spec.map(MerchantRepository::map).all();
    }

    Mono<Long> setStatus(long id, MerchantStatus status) {
        return db.sql("update merchant set status = :status, updated_at = now() where id = :id")
                .bind("status", status.name()).bind("id", id)
                .fetch().rowsUpdated();
    }

    Mono<Long> setLiveAllowance(long id, int allowance) {
        return db.sql("update merchant set live_allowance = :n, updated_at = now() where id = :id")
                .bind("n", (short) allowance).bind("id", id)
                .fetch().rowsUpdated();
    }

    /** The accounts acting for a merchant (the users of its enterprise). */
    Flux<Long> usersOf(long merchantId) {
        return db.sql("select u.id from app_user u join merchant m on m.enterprise_id = u.enterprise_id where m.id = :id")
                .bind("id", merchantId).map(row -> row.get("id", Long.class)).all();
    }

    private static MerchantView map(Readable row) {
        Enterprise enterprise = EnterpriseRows.map(row);
        MerchantStatus status = MerchantStatus.valueOf(row.get("status", String.class));
        boolean agreed = Boolean.TRUE.equals(row.get("agreed", Boolean.class));
        return new MerchantView(row.get("id", Long.class), row.get("display_name", String.class), status, enterprise,
                row.get("application_id", Long.class), agreed, agreed && status == MerchantStatus.ACTIVE,
                row.get("live_allowance", Short.class).intValue(),
                row.get("created_at", Instant.class), row.get("updated_at", Instant.class));
    }
}
