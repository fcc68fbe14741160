package io.livehall.dashboard;

import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The showcase merchants as dashboard scopes ({@code merchant-<id>}), read from the merchant tables the way
 * {@link DashboardReads} reads the others: which merchant a user acts for (its enterprise's), a merchant by id, and the
 * merchants an organiser may pick from (by name, live ones first, capped). Merchants are one per admitted enterprise
 * (hundreds), so the name search scans that small table.
 */
@Component
class MerchantScopes {

    /** the most merchants one search answers */
    static final int LIST_MAX = 50;
    /** the longest name search accepted */
    static final int QUERY_MAX = 50;

    private static final String COLUMNS = """
            select m.id, m.display_name as title,
                   exists (select 1 from live_session s where s.merchant_id = m.id and s.status = 'LIVE') as live
            from merchant m""";

    private final DatabaseClient db;

    MerchantScopes(DatabaseClient db) {
        this.db = db;
    }

    /** The merchant of the user's enterprise (any status); empty if the user does not act for one. */
    Mono<DashboardReads.Titled> ofUser(long userId) {
        return db.sql(COLUMNS + " join app_user u on u.enterprise_id = m.enterprise_id where u.id = :user")
                .bind("user", userId).map(MerchantScopes::titled).one();
    }

    /** A merchant by id; empty if there is none. */
    Mono<DashboardReads.Titled> byId(long merchantId) {
        return db.sql(COLUMNS + " where m.id = :id").bind("id", merchantId).map(MerchantScopes::titled).one();
    }

    /** Merchants whose name contains {@code query} (all when blank), live ones first, then by name. */
    Flux<DashboardReads.Titled> search(String query, int limit) {
        String q = query == null ? "" : query.strip().toLowerCase();
        return db.sql("select * from (" + COLUMNS + """
                         where :q = '' or strpos(lower(m.display_name), :q) > 0) found
                        order by live desc, title, id limit :limit""")
                .bind("q", q).bind("limit", limit).map(MerchantScopes::titled).all();
    }

    private static DashboardReads.Titled titled(Readable row) {
        return new DashboardReads.Titled(row.get("id", Long.class), row.get("title", String.class),
                Boolean.TRUE.equals(row.get("live", Boolean.class)));
    }
}
