package io.livehall.training.room;

import java.time.Instant;

import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@code training_checkin}, who checked in, and wrong codes per user. */
@Repository
class CheckInRepository {

    /** A check-in with its code (only the organiser's console ever sees the code) and how many checked in. */
    record CheckIn(long id, long sessionId, String code, Instant opensAt, Instant closesAt, long count) {
    }

    private static final String COLUMNS = """
            select c.id, c.session_id, c.code, c.opens_at, c.closes_at,
                   (select count(*) from training_checkin_record r where r.checkin_id = c.id) as n
            from training_checkin c""";

    /** advisory lock keys of check-in starts: "trck" in the high bits, the session id below */
    private static final long LOCK_SPACE = 0x7472_636bL << 32;

    private final DatabaseClient db;

    CheckInRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<Long> insert(long sessionId, String code, Instant opensAt, Instant closesAt, long by) {
        return db.sql("""
                        insert into training_checkin (session_id, code, opens_at, closes_at, started_by)
                        values (:s, :c, :o, :e, :by) returning id""")
                .bind("s", sessionId).bind("c", code).bind("o", opensAt).bind("e", closesAt).bind("by", by)
                .map(row -> row.get("id", Long.class)).one();
    }

    /** The session's latest check-in. */
    Mono<CheckIn> latest(long sessionId) {
        return db.sql(COLUMNS + " where c.session_id = :s order by c.id desc limit 1").bind("s", sessionId)
                .map(CheckInRepository::checkIn).one();
    }

    /** The session's check-ins in time order. */
    Flux<CheckIn> of(long sessionId) {
        return db.sql(COLUMNS + " where c.session_id = :s order by c.id").bind("s", sessionId)
                .map(CheckInRepository::checkIn).all();
    }

    /** Check-in records of every series' sessions ({@code all}) or of the given series'. */
    Mono<Long> recordedIn(boolean all, java.util.List<Long> seriesIds) {
        return db.sql("""
                        select count(*) as n from training_checkin_record r
                          join training_checkin c on c.id = r.checkin_id join training_session s on s.id = c.session_id
                         where (:all or s.series_id = any(:series))""")
                .bind("all", all).bind("series", seriesIds.toArray(Long[]::new)).map(row -> row.get("n", Long.class)).one();
    }

    /** Serialises starts of one session's check-ins (the caller's transaction holds the lock until it ends). */
    Mono<Void> lockSession(long sessionId) {
        return db.sql("select 1 as locked from (select pg_advisory_xact_lock(:k)) l")
                .bind("k", LOCK_SPACE ^ sessionId).fetch().all().then();
    }

    /** Everyone who checked in to at least one of the session's check-ins. */
    Flux<Long> usersCheckedIn(long sessionId) {
        return db.sql("""
                        select distinct r.user_id from training_checkin_record r
                          join training_checkin c on c.id = r.checkin_id where c.session_id = :s""")
                .bind("s", sessionId).map(row -> row.get("user_id", Long.class)).all();
    }

    /** When the user checked in, if they did. */
    Mono<Instant> checkedIn(long checkInId, long userId) {
        return db.sql("select at from training_checkin_record where checkin_id = :c and user_id = :u")
                .bind("c", checkInId).bind("u", userId).map(row -> row.get("at", Instant.class)).one();
    }

    /** Records the check-in once; answers when the user checked in (the first time). */
    Mono<Instant> record(long checkInId, long userId, Instant at) {
        return db.sql("insert into training_checkin_record (checkin_id, user_id, at) values (:c, :u, :at) on conflict do nothing")
                .bind("c", checkInId).bind("u", userId).bind("at", at).fetch().rowsUpdated()
                .then(checkedIn(checkInId, userId));
    }

    Mono<Integer> wrongCodes(long checkInId, long userId) {
        return db.sql("select wrong from training_checkin_attempt where checkin_id = :c and user_id = :u")
                .bind("c", checkInId).bind("u", userId).map(row -> ((Number) row.get("wrong")).intValue()).one()
                .defaultIfEmpty(0);
    }

    /** Counts one wrong code (never past {@code max}); answers the count now. */
    Mono<Integer> addWrongCode(long checkInId, long userId, int max) {
        return db.sql("""
                        insert into training_checkin_attempt (checkin_id, user_id, wrong) values (:c, :u, 1)
                        on conflict (checkin_id, user_id) do update set wrong = least(training_checkin_attempt.wrong + 1, :max)
                        returning wrong""")
                .bind("c", checkInId).bind("u", userId).bind("max", (short) max)
                .map(row -> ((Number) row.get("wrong")).intValue()).one();
    }

    /** Per check-in of a session, the ones this user checked in to. */
    Flux<Long> checkInsOf(long sessionId, long userId) {
        return db.sql("""
                        select r.checkin_id from training_checkin_record r join training_checkin c on c.id = r.checkin_id
                        where c.session_id = :s and r.user_id = :u order by r.checkin_id""")
                .bind("s", sessionId).bind("u", userId).map(row -> row.get("checkin_id", Long.class)).all();
    }

    private static CheckIn checkIn(Readable row) {
        return new CheckIn(row.get("id", Long.class), row.get("session_id", Long.class), row.get("code", String.class),
                row.get("opens_at", Instant.class), row.get("closes_at", Instant.class), row.get("n", Long.class));
    }
}
