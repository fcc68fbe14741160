package io.livehall.training;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** SQL of training series, sessions and materials. State changes are conditional updates (no lost races). */
@Repository
class TrainingRepository {

    private static final String SERIES = """
            select s.id, s.organiser_id, u.display_name as organiser, s.title, s.audience, s.tags, s.cover_file_id,
                   s.created_at, s.updated_at
              from training_series s join app_user u on u.id = s.organiser_id""";
    private static final String SESSION = """
            select t.id, t.series_id, s.title as series_title, s.organiser_id, t.title, t.lecturer, t.starts_at,
                   t.duration_minutes, t.stream_url, t.status, t.started_at, t.ended_at
              from training_session t join training_series s on s.id = t.series_id""";
    private static final String CARD = """
            select s.id, s.organiser_id, u.display_name as organiser, s.title, s.audience, s.tags, s.cover_file_id,
                   s.created_at, s.updated_at,
                   (select count(*) from training_session t where t.series_id = s.id) as session_count,
                   (select count(*) from training_session t where t.series_id = s.id and t.status = 'LIVE') as live_count,
                   (select min(t.starts_at) from training_session t where t.series_id = s.id
                       and (t.status = 'LIVE' or (t.status = 'SCHEDULED' and t.starts_at > :now - interval '1 day'))) as next_starts_at
              from training_series s join app_user u on u.id = s.organiser_id""";

    /** Which series the public list shows: with a session live, with one to come, or with all held. */
    enum When { LIVE, UPCOMING, PAST }

    private final DatabaseClient db;

    TrainingRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<TrainingSeries> series(long id) {
        return db.sql(SERIES + " where s.id = :id").bind("id", id).map(TrainingRepository::seriesOf).one();
    }

    Mono<Long> insertSeries(long organiserId, SeriesRequest r) {
        return bindSeries(db.sql("""
                        insert into training_series (organiser_id, title, audience, tags, cover_file_id)
                        values (:organiser, :title, :audience, :tags, :cover) returning id"""), r)
                .bind("organiser", organiserId).map(row -> row.get("id", Long.class)).one();
    }

    Mono<Long> updateSeries(long id, SeriesRequest r) {
        return bindSeries(db.sql("""
                        update training_series set title = :title, audience = :audience, tags = :tags,
                               cover_file_id = :cover, updated_at = now() where id = :id"""), r)
                .bind("id", id).fetch().rowsUpdated();
    }

    /**
     * Public list, newest series first (keyset on id). {@code tag} matches one tag exactly, {@code audience} a part of
     * the audience text (a small table: a series list, not a feed), {@code when} the sessions' state.
     */
    Flux<SeriesRow> list(Long afterId, int limit, String tag, String audience, When when, Long organiserId, Instant now) {
        StringBuilder where = new StringBuilder(" where true");
        if (afterId != null) {
            where.append(" and s.id < :after");
        }
        if (tag != null) {
            where.append(" and :tag = any (s.tags)");
        }
        if (audience != null) {
            where.append(" and strpos(lower(s.audience), lower(:audience)) > 0");
        }
        if (organiserId != null) {
            where.append(" and s.organiser_id = :organiser");
        }
        if (when != null) {
            where.append(switch (when) {
                case LIVE -> " and exists (select 1 from training_session t where t.series_id = s.id and t.status = 'LIVE')";
                case UPCOMING -> " and exists (select 1 from training_session t where t.series_id = s.id"
                        + " and t.status = 'SCHEDULED' and t.starts_at > :now - interval '1 day')";
                case PAST -> " and exists (select 1 from training_session t where t.series_id = s.id)"
                        + " and not exists (select 1 from training_session t where t.series_id = s.id"
                        + " and (t.status = 'LIVE' or (t.status = 'SCHEDULED' and t.starts_at > :now - interval '1 day')))";
            });
        }
        DatabaseClient.GenericExecuteSpec spec = db.sql(CARD + where + " order by s.id desc limit :limit")
                .bind("limit", limit + 1).bind("now", now);
        if (afterId != null) {
            spec = spec.bind("after", afterId);
        }
        if (tag != null) {
            spec = spec.bind("tag", tag);
        }
        if (audience != null) {
            spec = spec.bind("audience", audience);
        }
        if (organiserId != null) {
            spec = spec.bind("organiser", organiserId);
        }
        return spec.map(row -> new SeriesRow(seriesOf(row), row.get("session_count", Long.class).intValue(),
                row.get("live_count", Long.class).intValue(), row.get("next_starts_at", Instant.class))).all();
    }

    /** A series in a list with its counts. */
    record SeriesRow(TrainingSeries series, int sessionCount, int liveCount, Instant nextStartsAt) {
    }

    Mono<TrainingSession> session(long id) {
        return db.sql(SESSION + " where t.id = :id").bind("id", id).map(TrainingRepository::sessionOf).one();
    }

    Mono<String> status(long id) {
        return db.sql("select status from training_session where id = :id").bind("id", id)
                .map(row -> row.get("status", String.class)).one();
    }

    Flux<TrainingSession> sessionsOf(long seriesId) {
        return db.sql(SESSION + " where t.series_id = :series order by t.starts_at, t.id")
                .bind("series", seriesId).map(TrainingRepository::sessionOf).all();
    }

    /** Sessions starting in [from, to), for the calendar. */
    Flux<TrainingSession> between(Instant from, Instant to) {
        return db.sql(SESSION + " where t.starts_at >= :from and t.starts_at < :to order by t.starts_at, t.id limit 500")
                .bind("from", from).bind("to", to).map(TrainingRepository::sessionOf).all();
    }

    Mono<Long> insertSession(long seriesId, SessionRequest r) {
        return bindSession(db.sql("""
                        insert into training_session (series_id, title, lecturer, starts_at, duration_minutes, stream_url)
                        values (:series, :title, :lecturer, :startsAt, :duration, :streamUrl) returning id"""), r)
                .bind("series", seriesId).map(row -> row.get("id", Long.class)).one();
    }

    /** Edits a scheduled session; 0 when it is not (or no longer) scheduled. */
    Mono<Long> updateSession(long id, SessionRequest r) {
        return bindSession(db.sql("""
                        update training_session set title = :title, lecturer = :lecturer, starts_at = :startsAt,
                               duration_minutes = :duration, stream_url = :streamUrl, updated_at = now()
                        where id = :id and status = 'SCHEDULED'"""), r)
                .bind("id", id).fetch().rowsUpdated();
    }

    Mono<Void> replaceMaterials(long id, List<Long> fileIds) {
        Mono<Long> delete = db.sql("delete from training_material where session_id = :id").bind("id", id)
                .fetch().rowsUpdated();
        if (fileIds.isEmpty()) {
            return delete.then();
        }
        return delete.then(db.sql("""
                        insert into training_material (session_id, file_id, position)
                        select :id, t.file_id, t.n - 1 from unnest(cast(:ids as bigint[])) with ordinality as t(file_id, n)""")
                .bind("id", id).bind("ids", fileIds.toArray(Long[]::new)).fetch().rowsUpdated()).then();
    }

    Flux<TrainingViews.Material> materials(long id) {
        return db.sql("""
                        select f.id, f.original_name, f.content_type, f.size_bytes from training_material m
                          join stored_file f on f.id = m.file_id where m.session_id = :id order by m.position""")
                .bind("id", id)
                .map(row -> new TrainingViews.Material(row.get("id", Long.class), row.get("original_name", String.class),
                        row.get("content_type", String.class), row.get("size_bytes", Long.class)))
                .all();
    }

    /** Moves the session from {@code from} to {@code to}; empty when it was not in {@code from}. */
    Mono<Long> transition(long id, TrainingStatus from, TrainingStatus to) {
        String set = switch (to) {
            case LIVE -> "started_at = now()";
            case ENDED -> "ended_at = now()";
            case REPLAY_AVAILABLE -> "ended_at = ended_at";
            default -> throw new IllegalArgumentException("no transition to " + to);
        };
        return db.sql("update training_session set status = :to, " + set + ", updated_at = now()"
                        + " where id = :id and status = :from")
                .bind("to", to.name()).bind("from", from.name()).bind("id", id).fetch().rowsUpdated();
    }

    private static DatabaseClient.GenericExecuteSpec bindSeries(DatabaseClient.GenericExecuteSpec spec, SeriesRequest r) {
        spec = spec.bind("title", r.title().strip()).bind("audience", r.audienceOrEmpty())
                .bind("tags", r.tagsOrEmpty().toArray(String[]::new));
        return r.coverFileId() == null ? spec.bindNull("cover", Long.class) : spec.bind("cover", r.coverFileId());
    }

    private static DatabaseClient.GenericExecuteSpec bindSession(DatabaseClient.GenericExecuteSpec spec, SessionRequest r) {
        return spec.bind("title", r.title().strip()).bind("lecturer", r.lecturer().strip())
                .bind("startsAt", r.startsAt()).bind("duration", r.durationMinutes())
                .bind("streamUrl", r.streamUrl().strip());
    }

    private static TrainingSeries seriesOf(Readable row) {
        String[] tags = row.get("tags", String[].class);
        return new TrainingSeries(row.get("id", Long.class), row.get("organiser_id", Long.class),
                row.get("organiser", String.class), row.get("title", String.class), row.get("audience", String.class),
                tags == null ? List.of() : Arrays.asList(tags), row.get("cover_file_id", Long.class),
                row.get("created_at", Instant.class), row.get("updated_at", Instant.class));
    }

    private static TrainingSession sessionOf(Readable row) {
        return new TrainingSession(row.get("id", Long.class), row.get("series_id", Long.class),
                row.get("series_title", String.class), row.get("organiser_id", Long.class), row.get("title", String.class),
                row.get("lecturer", String.class), row.get("starts_at", Instant.class),
                row.get("duration_minutes", Integer.class), row.get("stream_url", String.class),
                TrainingStatus.valueOf(row.get("status", String.class)), row.get("started_at", Instant.class),
                row.get("ended_at", Instant.class));
    }
}
