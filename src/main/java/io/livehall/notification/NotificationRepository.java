package io.livehall.notification;

import java.time.Instant;

import io.livehall.common.paging.PageRequest;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The {@code user_notification} table: every statement is scoped by the owner's user id. */
@Repository
class NotificationRepository {

    private static final String COLUMNS = "id, type, title, body, link, created_at, read_at";

    private final DatabaseClient db;

    NotificationRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<Long> insert(long userId, String type, String title, String body, String link, String payloadJson, Instant at) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                        insert into user_notification (user_id, type, title, body, link, payload, created_at)
                        values (:user, :type, :title, :body, :link, cast(:payload as jsonb), :at) returning id""")
                .bind("user", userId).bind("type", type).bind("title", title)
                .bind("payload", payloadJson).bind("at", at);
        spec = body == null ? spec.bindNull("body", String.class) : spec.bind("body", body);
        spec = link == null ? spec.bindNull("link", String.class) : spec.bind("link", link);
        return spec.map(row -> row.get("id", Long.class)).one();
    }

    /** Keeps the user's newest {@code keep} notifications; answers how many older ones were deleted. */
    Mono<Long> trim(long userId, int keep) {
        return db.sql("""
                        delete from user_notification where user_id = :user and id <= (
                            select id from user_notification where user_id = :user order by id desc offset :keep limit 1)""")
                .bind("user", userId).bind("keep", keep)
                .fetch().rowsUpdated();
    }

    /** Newest first, after the cursor. */
    Flux<UserNotification> list(long userId, PageRequest page) {
        String sql = "select " + COLUMNS + " from user_notification where user_id = :user"
                + (page.afterId() == null ? "" : " and id < :after") + " order by id desc limit :limit";
        DatabaseClient.GenericExecuteSpec spec = db.sql(sql).bind("user", userId).bind("limit", page.limit() + 1);
        if (page.afterId() != null) {
            spec = spec.bind("after", page.afterId());
        }
        return spec.map(NotificationRepository::view).all();
    }

    Mono<Long> unread(long userId) {
        return db.sql("select count(*) as n from user_notification where user_id = :user and read_at is null")
                .bind("user", userId).map(row -> row.get("n", Long.class)).one();
    }

    /** Marks one of the user's notifications read (kept as first read); empty if the user has no such notification. */
    Mono<UserNotification> markRead(long userId, long id, Instant at) {
        return db.sql("update user_notification set read_at = coalesce(read_at, :at) where id = :id and user_id = :user"
                        + " returning " + COLUMNS)
                .bind("id", id).bind("user", userId).bind("at", at)
                .map(NotificationRepository::view).one();
    }

    Mono<Long> markAllRead(long userId, Instant at) {
        return db.sql("update user_notification set read_at = :at where user_id = :user and read_at is null")
                .bind("user", userId).bind("at", at)
                .fetch().rowsUpdated();
    }

    /** Deletes up to {@code batch} notifications created before {@code before}. */
    Mono<Long> deleteOlderThan(Instant before, int batch) {
        return db.sql("""
                        delete from user_notification where id in (
                            select id from user_notification where created_at < :before limit :batch)""")
                .bind("before", before).bind("batch", batch)
                .fetch().rowsUpdated();
    }

    private static UserNotification view(Readable row) {
        return new UserNotification(row.get("id", Long.class), row.get("type", String.class),
                row.get("title", String.class), row.get("body", String.class), row.get("link", String.class),
                row.get("created_at", Instant.class), row.get("read_at", Instant.class));
    }
}
