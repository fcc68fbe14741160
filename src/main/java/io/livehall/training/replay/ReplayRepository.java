package io.livehall.training.replay;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.livehall.training.replay.ReplayViews.Chapter;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** SQL of replays, their chapters and replay watching. */
@Repository
class ReplayRepository {

    /** A {@code training_replay} row. */
    record ReplayRow(long sessionId, String url, Long fileId, ReplayKind kind, Instant updatedAt) {
    }

    private final DatabaseClient db;

    ReplayRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<ReplayRow> replay(long sessionId) {
        return db.sql("select session_id, url, file_id, kind, updated_at from training_replay where session_id = :id")
                .bind("id", sessionId)
                .map(row -> new ReplayRow(row.get("session_id", Long.class), row.get("url", String.class),
                        row.get("file_id", Long.class), ReplayKind.valueOf(row.get("kind", String.class)),
                        row.get("updated_at", Instant.class)))
                .one();
    }

    Flux<Chapter> chapters(long sessionId) {
        return db.sql("select title, start_seconds from training_replay_chapter where session_id = :id order by position")
                .bind("id", sessionId)
                .map(row -> new Chapter(row.get("title", String.class), row.get("start_seconds", Integer.class)))
                .all();
    }

    /** Sets the replay's source (one of url and fileId) and replaces its chapters; run in a transaction. */
    Mono<Void> save(long sessionId, String url, Long fileId, ReplayKind kind, List<ChapterRequest> chapters) {
        var upsert = db.sql("""
                        insert into training_replay (session_id, url, file_id, kind) values (:id, :url, :file, :kind)
                        on conflict (session_id) do update
                           set url = excluded.url, file_id = excluded.file_id, kind = excluded.kind, updated_at = now()""")
                .bind("id", sessionId).bind("kind", kind.name());
        upsert = url == null ? upsert.bindNull("url", String.class) : upsert.bind("url", url);
        upsert = fileId == null ? upsert.bindNull("file", Long.class) : upsert.bind("file", fileId);
        Mono<Long> clear = db.sql("delete from training_replay_chapter where session_id = :id").bind("id", sessionId)
                .fetch().rowsUpdated();
        Flux<Long> insert = Flux.range(0, chapters.size()).concatMap(i -> db.sql("""
                        insert into training_replay_chapter (session_id, position, start_seconds, title)
                        values (:id, :position, :start, :title)""")
                .bind("id", sessionId).bind("position", i).bind("start", chapters.get(i).startSeconds())
                .bind("title", chapters.get(i).title()).fetch().rowsUpdated());
        return upsert.fetch().rowsUpdated().then(clear).thenMany(insert).then();
    }

    /**
     * A viewer's turn: true (and their last counted time moved to {@code now}) when none of their heartbeats for this
     * session counted since {@code cutoff}. A conditional upsert, so racing heartbeats of one viewer cannot both pass.
     */
    Mono<Boolean> takeTurn(long sessionId, String viewer, Instant now, Instant cutoff) {
        return db.sql("""
                        insert into training_replay_viewer (session_id, viewer, last_counted_at) values (:s, :v, :now)
                        on conflict (session_id, viewer) do update set last_counted_at = excluded.last_counted_at
                         where training_replay_viewer.last_counted_at <= :cutoff""")
                .bind("s", sessionId).bind("v", viewer).bind("now", now).bind("cutoff", cutoff)
                .fetch().rowsUpdated().map(rows -> rows == 1);
    }

    /**
     * Counts {@code seconds} for a play in {@code slot}: a new play gets its row, a known one is credited only for a
     * slot after its last counted one (the heartbeat slot key), and only if it is this viewer's play of this session.
     */
    Mono<Boolean> count(UUID viewId, long sessionId, String viewer, Long userId, long slot, int position, int seconds,
                        Instant now) {
        var spec = db.sql("""
                        insert into training_replay_view (view_id, session_id, viewer, user_id, watch_seconds, last_slot,
                                                          last_position, started_at, last_seen_at)
                        values (:view, :s, :v, :user, :seconds, :slot, :position, :now, :now)
                        on conflict (view_id) do update
                           set watch_seconds = training_replay_view.watch_seconds + excluded.watch_seconds,
                               last_slot = excluded.last_slot, last_position = excluded.last_position,
                               last_seen_at = excluded.last_seen_at
                         where training_replay_view.last_slot < excluded.last_slot
                           and training_replay_view.session_id = excluded.session_id
                           and training_replay_view.viewer = excluded.viewer""")
                .bind("view", viewId).bind("s", sessionId).bind("v", viewer).bind("seconds", seconds)
                .bind("slot", slot).bind("position", position).bind("now", now);
        spec = userId == null ? spec.bindNull("user", Long.class) : spec.bind("user", userId);
        return spec.fetch().rowsUpdated().map(rows -> rows == 1);
    }

    Mono<ReplayFigures> figures(long sessionId) {
        return db.sql("""
                        select count(*) as views, count(distinct viewer) as viewers,
                               coalesce(sum(watch_seconds), 0) as seconds
                          from training_replay_view where session_id = :s""")
                .bind("s", sessionId)
                .map(ReplayRepository::figuresOf)
                .one();
    }

    Flux<UserSeconds> secondsByUser(long sessionId) {
        return db.sql("""
                        select user_id, sum(watch_seconds) as seconds from training_replay_view
                         where session_id = :s and user_id is not null group by user_id order by user_id""")
                .bind("s", sessionId)
                .map(row -> new UserSeconds(row.get("user_id", Long.class), row.get("seconds", Number.class).longValue()))
                .all();
    }

    Mono<Long> secondsOf(long sessionId, long userId) {
        return db.sql("""
                        select coalesce(sum(watch_seconds), 0) as seconds from training_replay_view
                         where session_id = :s and user_id = :u""")
                .bind("s", sessionId).bind("u", userId)
                .map(row -> row.get("seconds", Number.class).longValue()).one();
    }

    private static ReplayFigures figuresOf(Readable row) {
        return new ReplayFigures(row.get("views", Number.class).longValue(), row.get("viewers", Number.class).longValue(),
                row.get("seconds", Number.class).longValue());
    }
}
