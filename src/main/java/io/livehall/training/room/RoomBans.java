package io.livehall.training.room;

import java.time.Instant;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Users banned from asking and chatting in every room of a series ({@code training_room_ban}), in PostgreSQL so a ban
 * survives restarts and a Redis loss. Every question and chat line that passed the cheap checks reads one row by key.
 */
@Repository
class RoomBans {

    /** One banned user as the console lists them. */
    record Ban(long userId, String displayName, Instant bannedAt) {
    }

    private final DatabaseClient db;

    RoomBans(DatabaseClient db) {
        this.db = db;
    }

    Mono<Boolean> isBanned(long seriesId, long userId) {
        return db.sql("select exists (select 1 from training_room_ban where series_id = :s and user_id = :u) as banned")
                .bind("s", seriesId).bind("u", userId)
                .map(row -> Boolean.TRUE.equals(row.get("banned", Boolean.class))).one();
    }

    /** Bans (a repeat keeps the first ban). */
    Mono<Void> ban(long seriesId, long userId, long by) {
        return db.sql("insert into training_room_ban (series_id, user_id, banned_by) values (:s, :u, :by) on conflict do nothing")
                .bind("s", seriesId).bind("u", userId).bind("by", by).fetch().rowsUpdated().then();
    }

    Mono<Void> unban(long seriesId, long userId) {
        return db.sql("delete from training_room_ban where series_id = :s and user_id = :u")
                .bind("s", seriesId).bind("u", userId).fetch().rowsUpdated().then();
    }

    Flux<Ban> of(long seriesId) {
        return db.sql("""
                        select b.user_id, u.display_name, b.created_at from training_room_ban b join app_user u on u.id = b.user_id
                        where b.series_id = :s order by b.created_at, b.user_id""")
                .bind("s", seriesId)
                .map(row -> new Ban(row.get("user_id", Long.class), row.get("display_name", String.class),
                        row.get("created_at", Instant.class)))
                .all();
    }

    /** Whether an account exists. */
    Mono<Boolean> userExists(long userId) {
        return db.sql("select exists (select 1 from app_user where id = :u) as found").bind("u", userId)
                .map(row -> Boolean.TRUE.equals(row.get("found", Boolean.class))).one();
    }
}
