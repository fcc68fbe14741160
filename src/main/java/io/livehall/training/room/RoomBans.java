package io.livehall.training.room;

import java.time.Instant;

import io.livehall.common.chat.ChatBlockList;
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
    private final ChatBlockList list;

    RoomBans(DatabaseClient db) {
        this.db = db;
        this.list = new ChatBlockList(db, "training_room_ban", "series_id", "banned_by");
    }

    Mono<Boolean> isBanned(long seriesId, long userId) {
        return list.contains(seriesId, userId);
    }

    /** A repeat keeps the first one. */
    Mono<Void> ban(long seriesId, long userId, long by) {
        return list.add(seriesId, userId, by);
    }

    Mono<Void> unban(long seriesId, long userId) {
        return list.remove(seriesId, userId);
    }

    Flux<Ban> of(long seriesId) {
        return list.of(seriesId, Ban::new);
    }

    /** Whether an account exists. */
    Mono<Boolean> userExists(long userId) {
        return db.sql("select exists (select 1 from app_user where id = :u) as found").bind("u", userId)
                .map(row -> Boolean.TRUE.equals(row.get("found", Boolean.class))).one();
    }
}
