package io.livehall.training.registration;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** SQL of registrations, their series' settings and the reminders sent. */
@Repository
class RegistrationRepository {

    private static final String SETTINGS = """
            select series_id, mode, capacity, ask_company, ask_job_title, ask_phone, reminder_offsets, deadline
              from training_registration_settings where series_id = :series""";
    private static final String ROW = """
            select r.id, r.series_id, r.user_id, u.display_name, r.state, r.company, r.job_title, r.phone, r.reason,
                   r.queued_at, r.decided_at
              from training_registration r join app_user u on u.id = r.user_id""";

    private final DatabaseClient db;

    RegistrationRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<RegistrationSettings> settings(long seriesId) {
        return db.sql(SETTINGS).bind("series", seriesId).map(RegistrationRepository::settingsOf).one();
    }

    /**
     * Inside a transaction: the series' settings row (created with the defaults when absent), locked until the commit.
     * Every change of who holds a place takes this lock first, so counting and placing never race.
     */
    Mono<RegistrationSettings> lockSettings(long seriesId) {
        return db.sql("insert into training_registration_settings (series_id) values (:series) on conflict do nothing")
                .bind("series", seriesId).fetch().rowsUpdated()
                .then(db.sql(SETTINGS + " for update").bind("series", seriesId).map(RegistrationRepository::settingsOf).one());
    }

    Mono<Long> saveSettings(RegistrationSettings s) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                        update training_registration_settings set mode = :mode, capacity = :capacity,
                               ask_company = :company, ask_job_title = :jobTitle, ask_phone = :phone,
                               reminder_offsets = :offsets, deadline = :deadline, updated_at = now()
                         where series_id = :series""")
                .bind("series", s.seriesId()).bind("mode", s.mode().name()).bind("company", s.company().name())
                .bind("jobTitle", s.jobTitle().name()).bind("phone", s.phone().name())
                .bind("offsets", s.reminderOffsets().toArray(Integer[]::new));
        spec = s.capacity() == null ? spec.bindNull("capacity", Integer.class) : spec.bind("capacity", s.capacity());
        spec = s.deadline() == null ? spec.bindNull("deadline", Instant.class) : spec.bind("deadline", s.deadline());
        return spec.fetch().rowsUpdated();
    }

    Mono<Registration> find(long seriesId, long userId) {
        return db.sql(ROW + " where r.series_id = :series and r.user_id = :user").bind("series", seriesId).bind("user", userId)
                .map(RegistrationRepository::registrationOf).one();
    }

    Mono<Registration> byId(long id) {
        return db.sql(ROW + " where r.id = :id").bind("id", id).map(RegistrationRepository::registrationOf).one();
    }

    /** How many registrations of the series are in each state. */
    Mono<Map<RegistrationState, Long>> counts(long seriesId) {
        return db.sql("select state, count(*) as n from training_registration where series_id = :series group by state")
                .bind("series", seriesId)
                .map(row -> Map.entry(RegistrationState.valueOf(row.get("state", String.class)), row.get("n", Long.class)))
                .all()
                .collect(() -> new EnumMap<RegistrationState, Long>(RegistrationState.class), (m, e) -> m.put(e.getKey(), e.getValue()))
                .map(m -> {
                    for (RegistrationState s : RegistrationState.values()) {
                        m.putIfAbsent(s, 0L);
                    }
                    return m;
                });
    }

    Mono<Long> confirmed(boolean all, java.util.List<Long> seriesIds) {
        return db.sql("""
                        select count(*) as n from training_registration
                         where (:all or series_id = any(:series)) and state = 'CONFIRMED'""")
                .bind("all", all).bind("series", seriesIds.toArray(Long[]::new)).map(row -> row.get("n", Long.class)).one();
    }

    Mono<Long> confirmed(long seriesId) {
        return db.sql("select count(*) as n from training_registration where series_id = :series and state = 'CONFIRMED'")
                .bind("series", seriesId).map(row -> row.get("n", Long.class)).one();
    }

    /** Registers (or registers again, on the same row after a cancel or a rejection) with a new place in line. */
    Mono<Long> upsert(long seriesId, long userId, RegistrationState state, String company, String jobTitle, String phone,
                      Instant now) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                        insert into training_registration (series_id, user_id, state, company, job_title, phone, queued_at)
                        values (:series, :user, :state, :company, :jobTitle, :phone, :now)
                        on conflict (series_id, user_id) do update set state = excluded.state, company = excluded.company,
                               job_title = excluded.job_title, phone = excluded.phone, reason = null,
                               queued_at = excluded.queued_at, decided_at = null, updated_at = now()
                        returning id""")
                .bind("series", seriesId).bind("user", userId).bind("state", state.name()).bind("now", now);
        spec = company == null ? spec.bindNull("company", String.class) : spec.bind("company", company);
        spec = jobTitle == null ? spec.bindNull("jobTitle", String.class) : spec.bind("jobTitle", jobTitle);
        spec = phone == null ? spec.bindNull("phone", String.class) : spec.bind("phone", phone);
        return spec.map(row -> row.get("id", Long.class)).one();
    }

    /** Moves a registration from one of {@code from} to {@code to}; 0 when it was in none of them. */
    Mono<Long> move(long id, List<RegistrationState> from, RegistrationState to, String reason, Instant decidedAt) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                        update training_registration set state = :to, reason = :reason, decided_at = :decided,
                               updated_at = now()
                         where id = :id and state = any (:from)""")
                .bind("id", id).bind("to", to.name())
                .bind("from", from.stream().map(Enum::name).toArray(String[]::new));
        spec = reason == null ? spec.bindNull("reason", String.class) : spec.bind("reason", reason);
        spec = decidedAt == null ? spec.bindNull("decided", Instant.class) : spec.bind("decided", decidedAt);
        return spec.fetch().rowsUpdated();
    }

    /** When a series turns to APPROVAL: its waiting list waits for the organiser's decision instead. */
    Mono<Long> waitingToPending(long seriesId) {
        return db.sql("""
                        update training_registration set state = 'PENDING', updated_at = now()
                         where series_id = :series and state = 'WAITLISTED'""")
                .bind("series", seriesId).fetch().rowsUpdated();
    }

    /** The first {@code n} of the waiting list, in the order they registered. */
    Flux<Registration> firstWaiting(long seriesId, long n) {
        return db.sql(ROW + " where r.series_id = :series and r.state = 'WAITLISTED' order by r.queued_at, r.id limit :n")
                .bind("series", seriesId).bind("n", n).map(RegistrationRepository::registrationOf).all();
    }

    /** 1 for the first of the waiting list. */
    Mono<Long> position(Registration r) {
        return db.sql("""
                        select count(*) + 1 as n from training_registration where series_id = :series
                           and state = 'WAITLISTED' and (queued_at, id) < (:queued, :id)""")
                .bind("series", r.seriesId()).bind("queued", r.queuedAt()).bind("id", r.id())
                .map(row -> row.get("n", Long.class)).one();
    }

    /** A user's registrations, newest first (keyset on id), with the series' titles. */
    Flux<Mine> mine(long userId, Long afterId, int limit) {
        DatabaseClient.GenericExecuteSpec spec = db.sql(ROW.replace("select r.id,", "select s.title as series_title, r.id,")
                        + " join training_series s on s.id = r.series_id where r.user_id = :user"
                        + (afterId == null ? "" : " and r.id < :after") + " order by r.id desc limit :limit")
                .bind("user", userId).bind("limit", limit + 1);
        if (afterId != null) {
            spec = spec.bind("after", afterId);
        }
        return spec.map(row -> new Mine(registrationOf(row), row.get("series_title", String.class))).all();
    }

    record Mine(Registration registration, String seriesTitle) {
    }

    /** The organiser's list of a series, oldest first (keyset on id), optionally of one state. */
    Flux<Registration> ofSeries(long seriesId, RegistrationState state, Long afterId, int limit) {
        String where = " where r.series_id = :series" + (state == null ? "" : " and r.state = :state")
                + (afterId == null ? "" : " and r.id > :after");
        DatabaseClient.GenericExecuteSpec spec = db.sql(ROW + where + " order by r.id limit :limit")
                .bind("series", seriesId).bind("limit", limit + 1);
        if (state != null) {
            spec = spec.bind("state", state.name());
        }
        if (afterId != null) {
            spec = spec.bind("after", afterId);
        }
        return spec.map(RegistrationRepository::registrationOf).all();
    }

    /** Every registration of a series, for the export (bounded: a series' audience, not a feed). */
    Flux<Registration> allOf(long seriesId) {
        return db.sql(ROW + " where r.series_id = :series order by r.id limit 100000").bind("series", seriesId)
                .map(RegistrationRepository::registrationOf).all();
    }

    /**
     * Claims the due reminders: for each confirmed registration, each scheduled session of its series not yet started
     * and each of the series' offsets whose moment ({@code starts_at - offset}) has come but was still ahead when the
     * person registered. The unique key claims each (session, user, offset) once, whichever instance gets there first;
     * a claim made by a transaction that rolls back is not made.
     */
    Flux<DueReminder> claimDue(Instant now, int batch) {
        return db.sql("""
                        with due as (
                            select t.id as session_id, r.user_id, o.minutes
                              from training_session t
                              join training_registration_settings s on s.series_id = t.series_id
                              join training_registration r on r.series_id = t.series_id and r.state = 'CONFIRMED'
                              cross join unnest(s.reminder_offsets) as o(minutes)
                             where t.status = 'SCHEDULED' and t.starts_at > :now
                               and t.starts_at - make_interval(mins => o.minutes) <= :now
                               and t.starts_at - make_interval(mins => o.minutes) >= r.queued_at
                               and not exists (select 1 from training_reminder_sent x where x.session_id = t.id
                                               and x.user_id = r.user_id and x.offset_minutes = o.minutes)
                             limit :batch
                        ), claimed as (
                            insert into training_reminder_sent (session_id, user_id, offset_minutes, sent_at)
                            select session_id, user_id, minutes, :now from due
                            on conflict do nothing
                            returning session_id, user_id, offset_minutes
                        )
                        select c.session_id, c.user_id, c.offset_minutes, t.title, t.starts_at, s.title as series_title,
                               r.phone
                          from claimed c
                          join training_session t on t.id = c.session_id
                          join training_series s on s.id = t.series_id
                          join training_registration r on r.series_id = t.series_id and r.user_id = c.user_id""")
                .bind("now", now).bind("batch", batch)
                .map(row -> new DueReminder(row.get("session_id", Long.class), row.get("user_id", Long.class),
                        row.get("offset_minutes", Integer.class), row.get("title", String.class),
                        row.get("series_title", String.class), row.get("starts_at", Instant.class),
                        row.get("phone", String.class)))
                .all();
    }

    /** A reminder claimed for sending. */
    record DueReminder(long sessionId, long userId, int offsetMinutes, String sessionTitle, String seriesTitle,
                       Instant startsAt, String phone) {
    }

    private static RegistrationSettings settingsOf(Readable row) {
        Integer[] offsets = row.get("reminder_offsets", Integer[].class);
        return new RegistrationSettings(row.get("series_id", Long.class),
                RegistrationMode.valueOf(row.get("mode", String.class)), row.get("capacity", Integer.class),
                FieldRule.valueOf(row.get("ask_company", String.class)),
                FieldRule.valueOf(row.get("ask_job_title", String.class)),
                FieldRule.valueOf(row.get("ask_phone", String.class)),
                offsets == null ? List.of() : Arrays.asList(offsets), row.get("deadline", Instant.class));
    }

    private static Registration registrationOf(Readable row) {
        return new Registration(row.get("id", Long.class), row.get("series_id", Long.class), row.get("user_id", Long.class),
                row.get("display_name", String.class), RegistrationState.valueOf(row.get("state", String.class)),
                row.get("company", String.class), row.get("job_title", String.class), row.get("phone", String.class),
                row.get("reason", String.class), row.get("queued_at", Instant.class), row.get("decided_at", Instant.class));
    }
}
