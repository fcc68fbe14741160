package io.livehall.training.attendance;

import java.time.Instant;
import java.util.List;

import io.livehall.realtime.presence.Viewers;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** SQL of attendance: watch slots, the room's kept figures, certificate rules and certificates. */
@Repository
class AttendanceRepository {

    /**
     * Each attendee's runs of consecutive slots (gaps and islands: within a run, slot minus its row number is constant):
     * a run is one stay from joining to leaving.
     */
    private static final String SEGMENTS = """
            with runs as (
                select user_id, slot_start,
                       slot_start - (row_number() over (partition by user_id order by slot_start)) * interval '30 seconds' as run
                  from training_watch_slot where session_id = :session %s
            ), segments as (
                select user_id, min(slot_start) as joined_at, max(slot_start) + interval '30 seconds' as left_at,
                       count(*) as slots
                  from runs group by user_id, run
            )
            select g.user_id, u.display_name, cast(sum(g.slots) * 30 as bigint) as live_seconds,
                   array_agg(extract(epoch from g.joined_at)::bigint order by g.joined_at) as joins,
                   array_agg(extract(epoch from g.left_at)::bigint order by g.joined_at) as leaves
              from segments g join app_user u on u.id = g.user_id
             group by g.user_id, u.display_name""";

    private final DatabaseClient db;

    AttendanceRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<Long> insertSlots(long sessionId, List<Long> userIds, Instant slot) {
        return db.sql("""
                        insert into training_watch_slot (session_id, user_id, slot_start)
                        select :session, u, :slot from unnest(cast(:users as bigint[])) as u
                        on conflict do nothing""")
                .bind("session", sessionId).bind("slot", slot).bind("users", userIds.toArray(Long[]::new))
                .fetch().rowsUpdated();
    }

    /** Every attendee of a session with their stays, first to join first. */
    Flux<Attendee> attendees(long sessionId) {
        return db.sql(SEGMENTS.formatted("") + " order by min(g.joined_at), g.user_id").bind("session", sessionId)
                .map(AttendanceRepository::attendeeOf).all();
    }

    /** One person's attendance; empty when they never watched live. */
    Mono<Attendee> attendee(long sessionId, long userId) {
        return db.sql(SEGMENTS.formatted("and user_id = :user")).bind("session", sessionId).bind("user", userId)
                .map(AttendanceRepository::attendeeOf).one();
    }

    /** Display names of accounts, by id (in id order). */
    Mono<java.util.Map<Long, String>> names(List<Long> userIds) {
        if (userIds.isEmpty()) {
            return Mono.just(java.util.Map.of());
        }
        return db.sql("select id, display_name from app_user where id = any(:ids) order by id")
                .bind("ids", userIds.toArray(Long[]::new))
                .map(row -> java.util.Map.entry(row.get("id", Long.class), row.get("display_name", String.class)))
                .all().collect(java.util.LinkedHashMap::new, (m, e) -> m.put(e.getKey(), e.getValue()));
    }

    Mono<Void> keepFigures(long sessionId, Viewers v) {
        return db.sql("""
                        insert into training_session_figures (session_id, peak_viewers, unique_viewers, watch_seconds)
                        values (:session, :peak, :unique, :watch)
                        on conflict (session_id) do update set peak_viewers = greatest(training_session_figures.peak_viewers, excluded.peak_viewers),
                            unique_viewers = greatest(training_session_figures.unique_viewers, excluded.unique_viewers),
                            watch_seconds = greatest(training_session_figures.watch_seconds, excluded.watch_seconds),
                            recorded_at = now()""")
                .bind("session", sessionId).bind("peak", v.peak()).bind("unique", v.unique())
                .bind("watch", v.watchSeconds()).fetch().rowsUpdated().then();
    }

    Mono<RoomFigures> keptFigures(long sessionId) {
        return db.sql("select peak_viewers, unique_viewers, watch_seconds from training_session_figures where session_id = :session")
                .bind("session", sessionId)
                .map(row -> new RoomFigures(row.get("peak_viewers", Long.class), row.get("unique_viewers", Long.class),
                        row.get("watch_seconds", Long.class)))
                .one();
    }

    Mono<CertificateRule> rule(long seriesId) {
        return db.sql("select min_watch_minutes, include_replay from training_certificate_rule where series_id = :series")
                .bind("series", seriesId)
                .map(row -> new CertificateRule(row.get("min_watch_minutes", Integer.class), row.get("include_replay", Boolean.class)))
                .one();
    }

    Mono<Void> saveRule(long seriesId, CertificateRule rule) {
        return db.sql("""
                        insert into training_certificate_rule (series_id, min_watch_minutes, include_replay)
                        values (:series, :minutes, :replay)
                        on conflict (series_id) do update set min_watch_minutes = excluded.min_watch_minutes,
                            include_replay = excluded.include_replay, updated_at = now()""")
                .bind("series", seriesId).bind("minutes", rule.minWatchMinutes()).bind("replay", rule.includeReplay())
                .fetch().rowsUpdated().then();
    }

    /** Issues a certificate unless the person has one for the session; answers the one they hold. */
    Mono<Certificate> issue(String code, long sessionId, long userId, int watchSeconds) {
        return db.sql("""
                        insert into training_certificate (code, session_id, user_id, holder_name, watch_seconds)
                        select :code, :session, u.id, u.display_name, :watch from app_user u where u.id = :user
                        on conflict (session_id, user_id) do nothing""")
                .bind("code", code).bind("session", sessionId).bind("user", userId).bind("watch", watchSeconds)
                .fetch().rowsUpdated()
                .then(db.sql(CERTIFICATE + " where c.session_id = :session and c.user_id = :user")
                        .bind("session", sessionId).bind("user", userId).map(AttendanceRepository::certificateOf).one());
    }

    Mono<Certificate> certificateOf(long sessionId, long userId) {
        return db.sql(CERTIFICATE + " where c.session_id = :session and c.user_id = :user")
                .bind("session", sessionId).bind("user", userId).map(AttendanceRepository::certificateOf).one();
    }

    Mono<Certificate> certificate(String code) {
        return db.sql(CERTIFICATE + " where c.code = :code").bind("code", code).map(AttendanceRepository::certificateOf).one();
    }

    private static final String CERTIFICATE = """
            select c.code, c.session_id, c.user_id, c.holder_name, c.watch_seconds, c.issued_at
              from training_certificate c""";

    private static Certificate certificateOf(Readable row) {
        return new Certificate(row.get("code", String.class), row.get("session_id", Long.class), row.get("user_id", Long.class),
                row.get("holder_name", String.class), row.get("watch_seconds", Integer.class), row.get("issued_at", Instant.class));
    }

    private static Attendee attendeeOf(Readable row) {
        Long[] joins = row.get("joins", Long[].class);
        Long[] leaves = row.get("leaves", Long[].class);
        List<Attendee.Stay> stays = java.util.stream.IntStream.range(0, joins.length)
                .mapToObj(i -> new Attendee.Stay(Instant.ofEpochSecond(joins[i]), Instant.ofEpochSecond(leaves[i])))
                .toList();
        return new Attendee(row.get("user_id", Long.class), row.get("display_name", String.class),
                row.get("live_seconds", Long.class), stays);
    }

}
