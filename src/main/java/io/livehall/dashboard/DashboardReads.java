package io.livehall.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The dashboard's read model: small, indexed, read-only queries over the domains' tables (sessions live now, the
 * series and fairs an organiser runs, names of products and merchants). The dashboard never writes them, and no domain
 * knows of the dashboard: it reads what they committed, the way a reporting database would. Lists are capped.
 */
@Component
class DashboardReads {

    /** rooms that ended this long ago still show (not live) */
    static final Duration RECENT = Duration.ofHours(2);
    private static final int ROOMS_MAX = 50;

    /** A room of a scope: kind LIVE, TRAINING or ROADSHOW, and where it belongs (series id, region, merchant id). */
    record RoomRow(String kind, long id, String title, boolean live, long seriesId, String region, long merchantId) {
    }

    record Titled(long id, String title, boolean live) {
    }

    record ProductName(long id, String name, String merchant) {
    }

    record ProductSales(long productId, String name, String merchant, long orders, long gmvFen) {
    }

    private final DatabaseClient db;

    DashboardReads(DatabaseClient db) {
        this.db = db;
    }

    Mono<Boolean> showcaseLive() {
        return db.sql("select exists (select 1 from live_session where status = 'LIVE') as live")
                .map(row -> Boolean.TRUE.equals(row.get("live", Boolean.class))).one();
    }

    /** The series this person runs (admins: all), newest first. */
    Flux<Titled> series(Watcher who, int limit) {
        return db.sql("""
                        select t.id, t.title,
                               exists (select 1 from training_session s where s.series_id = t.id and s.status = 'LIVE') as live
                        from training_series t where (:admin or t.organiser_id = :user) order by t.id desc limit :limit""")
                .bind("admin", who.admin()).bind("user", who.userId()).bind("limit", limit)
                .map(DashboardReads::titled).all();
    }

    /** The fairs this person created or co-organises (admins: all), newest first. */
    Flux<Titled> fairs(Watcher who, Instant now, int limit) {
        return db.sql("""
                        select f.id, f.title, (f.status = 'PUBLISHED' and f.starts_at <= :now and f.ends_at > :now) as live
                        from fair f
                        where (:admin or f.organiser_id = :user
                               or exists (select 1 from fair_organiser o where o.fair_id = f.id and o.user_id = :user))
                        order by f.id desc limit :limit""")
                .bind("admin", who.admin()).bind("user", who.userId()).bind("now", now).bind("limit", limit)
                .map(DashboardReads::titled).all();
    }

    /** A series' title if this person runs it. */
    Mono<Titled> seriesRunBy(Watcher who, long seriesId) {
        return db.sql("""
                        select t.id, t.title,
                               exists (select 1 from training_session s where s.series_id = t.id and s.status = 'LIVE') as live
                        from training_series t where t.id = :id and (:admin or t.organiser_id = :user)""")
                .bind("id", seriesId).bind("admin", who.admin()).bind("user", who.userId())
                .map(DashboardReads::titled).one();
    }

    /** A fair's title if this person runs it. */
    Mono<Titled> fairRunBy(Watcher who, long fairId, Instant now) {
        return db.sql("""
                        select f.id, f.title, (f.status = 'PUBLISHED' and f.starts_at <= :now and f.ends_at > :now) as live
                        from fair f
                        where f.id = :id and (:admin or f.organiser_id = :user
                               or exists (select 1 from fair_organiser o where o.fair_id = f.id and o.user_id = :user))""")
                .bind("id", fairId).bind("admin", who.admin()).bind("user", who.userId()).bind("now", now)
                .map(DashboardReads::titled).one();
    }

    /** The rooms of a scope that are live now or ended within {@link #RECENT}: live sessions, trainings, roadshows. */
    Flux<RoomRow> rooms(Members members, Instant now) {
        Instant since = now.minus(RECENT);
        Long[] series = members.series().toArray(Long[]::new);
        Long[] fairs = members.fairs().toArray(Long[]::new);
        Flux<RoomRow> live = !members.sells() ? Flux.empty() : db.sql("""
                        select s.id, s.title, s.status = 'LIVE' as live, e.region, s.merchant_id
                        from live_session s join merchant m on m.id = s.merchant_id join enterprise e on e.id = m.enterprise_id
                        where (s.status = 'LIVE' or (s.status = 'ENDED' and s.ended_at > :since))
                          and (:merchant = 0 or s.merchant_id = :merchant)
                        order by s.id desc limit :limit""")
                .bind("since", since).bind("merchant", members.merchantOnly()).bind("limit", ROOMS_MAX)
                .map(row -> new RoomRow("LIVE", row.get("id", Long.class), row.get("title", String.class),
                        Boolean.TRUE.equals(row.get("live", Boolean.class)), 0, row.get("region", String.class),
                        row.get("merchant_id", Long.class)))
                .all();
        Flux<RoomRow> training = !members.everything() && series.length == 0 ? Flux.empty() : db.sql("""
                        select t.id, t.title, t.status = 'LIVE' as live, t.series_id from training_session t
                        where (:all or t.series_id = any(:series))
                          and (t.status = 'LIVE' or (t.status in ('ENDED', 'REPLAY_AVAILABLE') and t.ended_at > :since))
                        order by t.id desc limit :limit""")
                .bind("all", members.everything()).bind("series", series).bind("since", since).bind("limit", ROOMS_MAX)
                .map(row -> new RoomRow("TRAINING", row.get("id", Long.class), row.get("title", String.class),
                        Boolean.TRUE.equals(row.get("live", Boolean.class)), row.get("series_id", Long.class), null, 0))
                .all();
        Flux<RoomRow> roadshows = !members.everything() && fairs.length == 0 ? Flux.empty() : db.sql("""
                        select f.id, f.title, (f.starts_at <= :now and f.ends_at > :now) as live from fair f
                        where f.kind = 'ROADSHOW' and f.status = 'PUBLISHED' and (:all or f.id = any(:fairs))
                          and f.starts_at <= :now and f.ends_at > :since
                        order by f.id desc limit :limit""")
                .bind("all", members.everything()).bind("fairs", fairs).bind("now", now).bind("since", since)
                .bind("limit", ROOMS_MAX)
                .map(row -> new RoomRow("ROADSHOW", row.get("id", Long.class), row.get("title", String.class),
                        Boolean.TRUE.equals(row.get("live", Boolean.class)), 0, null, 0))
                .all();
        return Flux.concat(live, training, roadshows);
    }

    Mono<Map<Long, ProductName>> products(List<Long> ids) {
        if (ids.isEmpty()) {
            return Mono.just(Map.of());
        }
        return db.sql("""
                        select p.id, p.name, m.display_name from product p join merchant m on m.id = p.merchant_id
                        where p.id = any(:ids)""")
                .bind("ids", ids.toArray(Long[]::new))
                .map(row -> new ProductName(row.get("id", Long.class), row.get("name", String.class),
                        row.get("display_name", String.class)))
                .all().collectMap(ProductName::id);
    }

    /** The region (city) of each merchant's enterprise. */
    Mono<Map<Long, String>> merchantRegions(List<Long> ids) {
        if (ids.isEmpty()) {
            return Mono.just(Map.of());
        }
        return db.sql("select m.id, e.region from merchant m join enterprise e on e.id = m.enterprise_id where m.id = any(:ids)")
                .bind("ids", ids.toArray(Long[]::new))
                .map(row -> Map.entry(row.get("id", Long.class), row.get("region", String.class)))
                .all().collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    /** Approved participants per region of the fairs' enterprises, most first. */
    Flux<Map.Entry<String, Long>> participantRegions(Members members) {
        Long[] fairs = members.fairs().toArray(Long[]::new);
        if (!members.everything() && fairs.length == 0) {
            return Flux.empty();
        }
        return db.sql("""
                        select e.region, count(*) as n from fair_participant p join enterprise e on e.id = p.enterprise_id
                        where (:all or p.fair_id = any(:fairs)) and p.status = 'APPROVED'
                        group by e.region order by n desc, e.region limit 20""")
                .bind("all", members.everything()).bind("fairs", fairs)
                .map(row -> Map.entry(row.get("region", String.class), row.get("n", Long.class))).all();
    }

    /**
     * Distinct buyers of showcase orders placed in [from, to) (cancelled ones too: they were buyers), of one merchant's
     * ({@code merchant} > 0) or every merchant's.
     */
    Mono<Long> buyers(Instant from, Instant to, long merchant) {
        return db.sql("""
                        select count(distinct buyer_id) as n from customer_order
                        where created_at >= :from and created_at < :to and (:merchant = 0 or merchant_id = :merchant)""")
                .bind("from", from).bind("to", to).bind("merchant", merchant)
                .map(row -> row.get("n", Long.class)).one().defaultIfEmpty(0L);
    }

    /** The best-selling products of [from, to) by GMV (orders as placed), of one merchant ({@code merchant} > 0) or all. */
    Flux<ProductSales> topProducts(Instant from, Instant to, long merchant, int limit) {
        return db.sql("""
                        select o.product_id, o.product_name, m.display_name, count(*) as n, sum(o.total_fen) as gmv
                        from customer_order o join merchant m on m.id = o.merchant_id
                        where o.created_at >= :from and o.created_at < :to and (:merchant = 0 or o.merchant_id = :merchant)
                        group by o.product_id, o.product_name, m.display_name order by gmv desc, n desc limit :limit""")
                .bind("from", from).bind("to", to).bind("merchant", merchant).bind("limit", limit)
                .map(row -> new ProductSales(row.get("product_id", Long.class), row.get("product_name", String.class),
                        row.get("display_name", String.class), row.get("n", Long.class),
                        ((Number) row.get("gmv", Number.class)).longValue()))
                .all();
    }

    private static Titled titled(Readable row) {
        return new Titled(row.get("id", Long.class), row.get("title", String.class),
                Boolean.TRUE.equals(row.get("live", Boolean.class)));
    }
}
