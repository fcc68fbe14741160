package io.livehall.dashboard;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.livehall.common.tally.Measure;
import io.livehall.dashboard.DashboardViews.HistoryRow;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@code dashboard_minute}: the per-minute rollups, written absolute (idempotent), read per minute, hour or day. */
@Repository
class MinuteRepository {

    /** the columns in {@link Measure} order (the viewer samples last, as in the enum) */
    private static final Map<Measure, String> COLUMNS = Map.ofEntries(
            Map.entry(Measure.ORDERS, "orders"), Map.entry(Measure.GMV_FEN, "gmv_fen"),
            Map.entry(Measure.DEALS_SOLD_OUT, "deals_sold_out"), Map.entry(Measure.REGISTRATIONS, "registrations"),
            Map.entry(Measure.CHECK_INS, "check_ins"), Map.entry(Measure.MEETINGS_BOOKED, "meetings_booked"),
            Map.entry(Measure.MEETINGS_HELD, "meetings_held"), Map.entry(Measure.INTENTIONS, "intentions"),
            Map.entry(Measure.SIGNED_DEALS, "signed_deals"), Map.entry(Measure.SIGNED_AMOUNT_FEN, "signed_amount_fen"),
            Map.entry(Measure.VIEWERS_PEAK, "viewers_peak"), Map.entry(Measure.UNIQUE_VIEWERS, "unique_viewers"),
            Map.entry(Measure.WATCH_SECONDS, "watch_seconds"));

    private static final String UPSERT;

    static {
        StringBuilder cols = new StringBuilder();
        StringBuilder values = new StringBuilder();
        StringBuilder updates = new StringBuilder();
        for (Measure m : Measure.values()) {
            String c = COLUMNS.get(m);
            cols.append(", ").append(c);
            values.append(", :").append(c);
            updates.append(c).append(" = excluded.").append(c).append(", ");
        }
        UPSERT = "insert into dashboard_minute (scope, minute" + cols + ") values (:scope, :minute" + values + ")"
                + " on conflict (scope, minute) do update set " + updates + "updated_at = now()";
    }

    /** The bucket widths history may be read by. */
    enum By { MINUTE, HOUR, DAY }

    private final DatabaseClient db;

    MinuteRepository(DatabaseClient db) {
        this.db = db;
    }

    /** Writes one scope's minute as these absolute figures (missing ones 0): a repeat writes the same row. */
    Mono<Void> write(String scope, Instant minute, Map<String, Long> figures) {
        DatabaseClient.GenericExecuteSpec spec = db.sql(UPSERT).bind("scope", scope).bind("minute", minute);
        for (Measure m : Measure.values()) {
            spec = spec.bind(COLUMNS.get(m), figures.getOrDefault(m.field(), 0L));
        }
        return spec.then();
    }

    /**
     * The scopes' figures in [from, to) per bucket (Asia/Shanghai calendar hours and days), only buckets with data,
     * oldest first: per minute the scopes are summed; per bucket counts are summed and viewer samples take the largest.
     */
    Flux<HistoryRow> history(List<String> scopes, Instant from, Instant to, By by) {
        String bucket = by == By.MINUTE ? "minute"
                : "date_trunc('" + by.name().toLowerCase() + "', minute at time zone 'Asia/Shanghai') at time zone 'Asia/Shanghai'";
        return db.sql("""
                        with per_minute as (
                          select minute, sum(viewers_peak) as vp, sum(unique_viewers) as uv, sum(orders) as o,
                                 sum(gmv_fen) as g, sum(registrations) as r, sum(check_ins) as c, sum(meetings_booked) as mb,
                                 sum(meetings_held) as mh, sum(intentions) as i, sum(signed_deals) as sd,
                                 sum(signed_amount_fen) as sa
                          from dashboard_minute where scope = any(:scopes) and minute >= :from and minute < :to
                          group by minute)
                        select %s as at, max(vp) as vp, max(uv) as uv, sum(o) as o, sum(g) as g, sum(r) as r, sum(c) as c,
                               sum(mb) as mb, sum(mh) as mh, sum(i) as i, sum(sd) as sd, sum(sa) as sa
                        from per_minute group by 1 order by 1""".formatted(bucket))
                .bind("scopes", scopes.toArray(String[]::new)).bind("from", from).bind("to", to)
                .map(MinuteRepository::row).all();
    }

    /** The largest viewer sample and its (first) minute, and the largest unique and watch-time samples, in [from, to). */
    Mono<long[]> peaks(List<String> scopes, Instant from, Instant to) {
        return db.sql("""
                        with per_minute as (
                          select minute, sum(viewers_peak) as vp, sum(unique_viewers) as uv, sum(watch_seconds) as ws
                          from dashboard_minute where scope = any(:scopes) and minute >= :from and minute < :to
                          group by minute)
                        select (select vp from per_minute order by vp desc, minute limit 1) as vp,
                               (select extract(epoch from minute)::bigint from per_minute order by vp desc, minute limit 1) as at,
                               (select max(uv) from per_minute) as uv, (select max(ws) from per_minute) as ws""")
                .bind("scopes", scopes.toArray(String[]::new)).bind("from", from).bind("to", to)
                .map(row -> new long[] {num(row, "vp"), num(row, "at"), num(row, "uv"), num(row, "ws")}).one();
    }

    /** The first and last minute with data of the scopes; empty when none. */
    Mono<Instant[]> span(List<String> scopes) {
        return db.sql("select min(minute) as a, max(minute) as b from dashboard_minute where scope = any(:scopes)")
                .bind("scopes", scopes.toArray(String[]::new))
                .map(row -> new Instant[] {row.get("a", Instant.class), row.get("b", Instant.class)})
                .one().filter(span -> span[0] != null);
    }

    private static HistoryRow row(Readable row) {
        return new HistoryRow(row.get("at", Instant.class), num(row, "vp"), num(row, "uv"), num(row, "o"), num(row, "g"),
                num(row, "r"), num(row, "c"), num(row, "mb"), num(row, "mh"), num(row, "i"), num(row, "sd"), num(row, "sa"));
    }

    private static long num(Readable row, String column) {
        Number n = row.get(column, Number.class);
        return n == null ? 0 : n.longValue();
    }
}
