package io.livehall.showcase.live;

import java.time.Instant;

import io.livehall.showcase.live.PastSessionViews.NextSession;
import io.livehall.showcase.live.PastSessionViews.PastFigures;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** SQL of what ended sessions keep (likes, orders, GMV, replay link) and of the merchant's next session. */
@Repository
class PastSessionRepository {

    /** A page of 往期直播 with its keyset position (end time, id). */
    record PastRow(long id, long merchantId, String title, Long coverFileId, Instant startedAt, Instant endedAt,
                   int productCount, PastFigures figures, String replayUrl) {
    }

    private final DatabaseClient db;

    PastSessionRepository(DatabaseClient db) {
        this.db = db;
    }

    /** Keeps the likes and sales of a session that has just ended (no-op for any other). */
    Mono<Long> keep(long id, long likes, LiveSales.Totals sales) {
        return db.sql("""
                        update live_session set likes = :likes, order_count = :orders, gmv_fen = :gmv, updated_at = now()
                        where id = :id and status = 'ENDED'""")
                .bind("likes", Math.max(0, likes)).bind("orders", sales.orders()).bind("gmv", sales.gmvFen())
                .bind("id", id).fetch().rowsUpdated();
    }

    /** Ended sessions of active merchants, most recently ended first, after the keyset position (if any). */
    Flux<PastRow> past(PastCursor after, int limit) {
        String keyset = after == null ? "" : " and (s.ended_at, s.id) < (:afterAt, :afterId)";
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                        select s.id, s.merchant_id, s.title, s.cover_file_id, s.started_at, s.ended_at, s.peak_viewers,
                               s.unique_viewers, s.watch_seconds, s.likes, s.order_count, s.gmv_fen, s.replay_url,
                               (select count(*) from live_session_product p where p.session_id = s.id) as product_count
                          from live_session s
                         where s.status = 'ENDED'
                           and exists (select 1 from merchant m where m.id = s.merchant_id and m.status = 'ACTIVE')"""
                        + keyset + " order by s.ended_at desc, s.id desc limit :limit")
                .bind("limit", limit + 1);
        if (after != null) {
            spec = spec.bind("afterAt", after.endedAt()).bind("afterId", after.id());
        }
        return spec.map(PastSessionRepository::past).all();
    }

    /** The session's replay link and status; empty when there is no such session of the merchant. */
    Mono<String[]> replay(long id, Long merchantId) {
        String own = merchantId == null ? "" : " and merchant_id = :merchant";
        DatabaseClient.GenericExecuteSpec spec = db.sql("select status, replay_url from live_session where id = :id" + own)
                .bind("id", id);
        if (merchantId != null) {
            spec = spec.bind("merchant", merchantId);
        }
        return spec.map(row -> new String[] {row.get("status", String.class), row.get("replay_url", String.class)}).one();
    }

    /** Sets (or clears, with null) the replay link of the merchant's ended session; 0 when it is not one. */
    Mono<Long> setReplay(long id, long merchantId, String url) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                        update live_session set replay_url = :url, updated_at = now()
                        where id = :id and merchant_id = :merchant and status = 'ENDED'""")
                .bind("id", id).bind("merchant", merchantId);
        spec = url == null ? spec.bindNull("url", String.class) : spec.bind("url", url);
        return spec.fetch().rowsUpdated();
    }

    /** The merchant's session live now, else its next scheduled one (not more than a day overdue); never {@code except}. */
    Mono<NextSession> next(long merchantId, long except) {
        return db.sql("""
                        select s.id, s.title, s.cover_file_id, s.starts_at, s.status from live_session s
                        where s.merchant_id = :merchant and s.id <> :except
                          and (s.status = 'LIVE' or (s.status = 'SCHEDULED' and s.starts_at > now() - interval '1 day'))
                          and exists (select 1 from merchant m where m.id = s.merchant_id and m.status = 'ACTIVE')
                        order by (s.status = 'LIVE') desc, s.starts_at, s.id limit 1""")
                .bind("merchant", merchantId).bind("except", except)
                .map(row -> new NextSession(row.get("id", Long.class), row.get("title", String.class),
                        row.get("cover_file_id", Long.class), row.get("starts_at", Instant.class),
                        LiveStatus.valueOf(row.get("status", String.class))))
                .one();
    }

    private static PastRow past(Readable row) {
        return new PastRow(row.get("id", Long.class), row.get("merchant_id", Long.class), row.get("title", String.class),
                row.get("cover_file_id", Long.class), row.get("started_at", Instant.class), row.get("ended_at", Instant.class),
                row.get("product_count", Long.class).intValue(),
                new PastFigures(row.get("peak_viewers", Integer.class), row.get("unique_viewers", Long.class),
                        row.get("watch_seconds", Long.class), row.get("likes", Long.class),
                        row.get("order_count", Long.class)),
                row.get("replay_url", String.class));
    }
}
