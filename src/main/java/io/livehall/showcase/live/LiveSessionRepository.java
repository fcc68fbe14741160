package io.livehall.showcase.live;

import java.time.Instant;
import java.util.List;

import io.livehall.common.paging.PageRequest;
import io.livehall.realtime.presence.Viewers;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** SQL of live sessions, their lineups and reminders. State changes are conditional updates (no lost races). */
@Repository
class LiveSessionRepository {

    private static final String COLUMNS = """
            s.id, s.merchant_id, s.title, s.cover_file_id, s.starts_at, s.stream_url, s.status, s.started_at,
            s.ended_at, s.pinned_product_id, s.peak_viewers, s.unique_viewers, s.watch_seconds""";
    private static final String RETURNING = " returning " + COLUMNS.replace("s.", "");
    private static final String LIST_COLUMNS = COLUMNS + """
            ,
            (select count(*) from live_session_product p where p.session_id = s.id) as product_count,
            (select count(*) from live_reminder r where r.session_id = s.id) as reminder_count,
            exists (select 1 from live_reminder r where r.session_id = s.id and r.user_id = :user) as reminded""";

    private final DatabaseClient db;

    LiveSessionRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<LiveSession> find(long id) {
        return db.sql("select " + COLUMNS + " from live_session s where s.id = :id")
                .bind("id", id).map(LiveSessionRepository::session).one();
    }

    Mono<String> status(long id) {
        return db.sql("select status from live_session where id = :id").bind("id", id)
                .map(row -> row.get("status", String.class)).one();
    }

    /** Product ids of the lineup in presentation order. */
    Flux<Long> lineup(long id) {
        return db.sql("select product_id from live_session_product where session_id = :id order by position")
                .bind("id", id).map(row -> row.get("product_id", Long.class)).all();
    }

    Mono<Long> insert(long merchantId, ScheduleRequest r) {
        return bindDetails(db.sql("""
                        insert into live_session (merchant_id, title, cover_file_id, starts_at, stream_url)
                        values (:merchant, :title, :cover, :startsAt, :streamUrl) returning id"""), r)
                .bind("merchant", merchantId)
                .map(row -> row.get("id", Long.class)).one();
    }

    /** Edits a scheduled session; 0 when it is not (or no longer) scheduled or not the merchant's. */
    Mono<Long> update(long id, long merchantId, ScheduleRequest r) {
        return bindDetails(db.sql("""
                        update live_session set title = :title, cover_file_id = :cover, starts_at = :startsAt,
                               stream_url = :streamUrl, updated_at = now()
                        where id = :id and merchant_id = :merchant and status = 'SCHEDULED'"""), r)
                .bind("id", id).bind("merchant", merchantId)
                .fetch().rowsUpdated();
    }

    Mono<Void> replaceLineup(long id, List<Long> productIds) {
        Mono<Long> delete = db.sql("delete from live_session_product where session_id = :id").bind("id", id)
                .fetch().rowsUpdated();
        if (productIds.isEmpty()) {
            return delete.then();
        }
        return delete.then(db.sql("""
                        insert into live_session_product (session_id, product_id, position)
                        select :id, t.product_id, t.n - 1 from unnest(cast(:ids as bigint[])) with ordinality as t(product_id, n)""")
                .bind("id", id).bind("ids", productIds.toArray(Long[]::new))
                .fetch().rowsUpdated()).then();
    }

    /**
     * New positions for the same lineup (kept in place: a pinned product's row must stay). Positions are unique per
     * session and checked row by row, so they move out of the way first.
     */
    Mono<Void> reorderLineup(long id, List<Long> productIds) {
        return db.sql("update live_session_product set position = position + 100000 where session_id = :id")
                .bind("id", id).fetch().rowsUpdated()
                .then(db.sql("""
                                update live_session_product p set position = t.n - 1
                                from unnest(cast(:ids as bigint[])) with ordinality as t(product_id, n)
                                where p.session_id = :id and p.product_id = t.product_id""")
                        .bind("id", id).bind("ids", productIds.toArray(Long[]::new))
                        .fetch().rowsUpdated())
                .then();
    }

    /** Moves the session from {@code from} to {@code to}; empty when it was not in {@code from} (or not the merchant's). */
    Mono<LiveSession> transition(long id, long merchantId, LiveStatus from, LiveStatus to) {
        String set = switch (to) {
            case LIVE -> "started_at = now(), pinned_product_id = null";
            case CANCELLED -> "pinned_product_id = null";
            default -> throw new IllegalArgumentException("use end() to end a session");
        };
        return db.sql("update live_session set status = :to, " + set + ", updated_at = now()"
                        + " where id = :id and merchant_id = :merchant and status = :from" + RETURNING)
                .bind("to", to.name()).bind("from", from.name()).bind("id", id).bind("merchant", merchantId)
                .map(LiveSessionRepository::session).one();
    }

    /** Ends a live session and keeps its audience figures; empty when it was not live (or not the merchant's). */
    Mono<LiveSession> end(long id, long merchantId, Viewers figures) {
        return db.sql("""
                        update live_session set status = 'ENDED', ended_at = now(), pinned_product_id = null,
                               peak_viewers = :peak, unique_viewers = :unique, watch_seconds = :watch, updated_at = now()
                        where id = :id and merchant_id = :merchant and status = 'LIVE'""" + RETURNING)
                .bind("peak", (int) Math.min(Integer.MAX_VALUE, figures.peak())).bind("unique", figures.unique())
                .bind("watch", figures.watchSeconds()).bind("id", id).bind("merchant", merchantId)
                .map(LiveSessionRepository::session).one();
    }

    /** The merchant's sessions that are live now. */
    Flux<Long> liveOf(long merchantId) {
        return db.sql("select id from live_session where merchant_id = :merchant and status = 'LIVE' order by id")
                .bind("merchant", merchantId).map(row -> row.get("id", Long.class)).all();
    }

    /**
     * Pins a lineup product (or unpins with null) while the session is live; 0 rows when it is not live, not the
     * merchant's, or the product is not in its lineup. The row stays locked until the caller's transaction ends.
     */
    Mono<Long> pin(long id, long merchantId, Long productId) {
        if (productId == null) {
            return db.sql("""
                            update live_session set pinned_product_id = null, updated_at = now()
                            where id = :id and merchant_id = :merchant and status = 'LIVE'""")
                    .bind("id", id).bind("merchant", merchantId).fetch().rowsUpdated();
        }
        return db.sql("""
                        update live_session set pinned_product_id = :product, updated_at = now()
                        where id = :id and merchant_id = :merchant and status = 'LIVE'
                          and exists (select 1 from live_session_product p where p.session_id = :id and p.product_id = :product)""")
                .bind("product", productId).bind("id", id).bind("merchant", merchantId).fetch().rowsUpdated();
    }

    /**
     * Public schedule: live and upcoming sessions of ACTIVE merchants by start time (scheduled ones more than a day
     * overdue drop out; a suspended merchant's scheduled sessions are hidden until it is reactivated).
     */
    Flux<ScheduleRow> schedule(ScheduleCursor after, int limit, Long userId) {
        String keyset = after == null ? "" : " and (s.starts_at, s.id) > (:afterAt, :afterId)";
        DatabaseClient.GenericExecuteSpec spec = db.sql("select " + LIST_COLUMNS + """
                         from live_session s
                        where s.status in ('SCHEDULED', 'LIVE')
                          and (s.status = 'LIVE' or s.starts_at > now() - interval '1 day')
                          and exists (select 1 from merchant m where m.id = s.merchant_id and m.status = 'ACTIVE')""" + keyset + """
                         order by s.starts_at, s.id limit :limit""")
                .bind("limit", limit + 1).bind("user", userId == null ? -1L : userId);
        if (after != null) {
            spec = spec.bind("afterAt", after.startsAt()).bind("afterId", after.id());
        }
        return spec.map(LiveSessionRepository::row).all();
    }

    /** A merchant's sessions, newest first, every status. */
    Flux<ScheduleRow> ofMerchant(long merchantId, PageRequest page) {
        String keyset = page.afterId() == null ? "" : " and s.id < :after";
        DatabaseClient.GenericExecuteSpec spec = db.sql("select " + LIST_COLUMNS
                        + " from live_session s where s.merchant_id = :merchant" + keyset + " order by s.id desc limit :limit")
                .bind("merchant", merchantId).bind("limit", page.limit() + 1).bind("user", -1L);
        if (page.afterId() != null) {
            spec = spec.bind("after", page.afterId());
        }
        return spec.map(LiveSessionRepository::row).all();
    }

    /**
     * Adds a reminder while the session is scheduled; 0 if it is not scheduled (or already reminded). The share
     * lock orders this against going live: either the reminder commits first and going live notifies it, or it
     * sees the session live and adds nothing.
     */
    Mono<Long> addReminder(long id, long userId) {
        return db.sql("""
                        with s as (select id from live_session where id = :id and status = 'SCHEDULED' for share)
                        insert into live_reminder (session_id, user_id) select s.id, :user from s
                        on conflict do nothing""")
                .bind("id", id).bind("user", userId).fetch().rowsUpdated();
    }

    Mono<Long> removeReminder(long id, long userId) {
        return db.sql("delete from live_reminder where session_id = :id and user_id = :user")
                .bind("id", id).bind("user", userId).fetch().rowsUpdated();
    }

    Mono<Long> reminderCount(long id) {
        return db.sql("select count(*) as n from live_reminder where session_id = :id").bind("id", id)
                .map(row -> row.get("n", Long.class)).one();
    }

    Mono<Boolean> reminded(long id, long userId) {
        return db.sql("select exists (select 1 from live_reminder where session_id = :id and user_id = :user) as r")
                .bind("id", id).bind("user", userId).map(row -> Boolean.TRUE.equals(row.get("r", Boolean.class))).one();
    }

    /** Marks the session's unnotified reminders notified and answers their users: each row is claimed once, ever. */
    Flux<Long> claimReminders(long id) {
        return db.sql("""
                        update live_reminder set notified_at = now()
                        where session_id = :id and notified_at is null returning user_id""")
                .bind("id", id).map(row -> row.get("user_id", Long.class)).all();
    }

    private static DatabaseClient.GenericExecuteSpec bindDetails(DatabaseClient.GenericExecuteSpec spec, ScheduleRequest r) {
        spec = spec.bind("title", r.title().strip()).bind("startsAt", r.startsAt()).bind("streamUrl", r.streamUrl().strip());
        return r.coverFileId() == null ? spec.bindNull("cover", Long.class) : spec.bind("cover", r.coverFileId());
    }

    private static ScheduleRow row(Readable row) {
        return new ScheduleRow(session(row), row.get("product_count", Long.class).intValue(),
                row.get("reminder_count", Long.class), Boolean.TRUE.equals(row.get("reminded", Boolean.class)));
    }

    private static LiveSession session(Readable row) {
        return new LiveSession(row.get("id", Long.class), row.get("merchant_id", Long.class), row.get("title", String.class),
                row.get("cover_file_id", Long.class), row.get("starts_at", Instant.class), row.get("stream_url", String.class),
                LiveStatus.valueOf(row.get("status", String.class)), row.get("started_at", Instant.class),
                row.get("ended_at", Instant.class), row.get("pinned_product_id", Long.class),
                row.get("peak_viewers", Integer.class), row.get("unique_viewers", Long.class),
                row.get("watch_seconds", Long.class));
    }
}
