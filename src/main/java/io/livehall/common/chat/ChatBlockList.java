package io.livehall.common.chat;

import java.time.Instant;

import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * People kept out of a room's chat (a live session's mutes, a training series' bans) in a PostgreSQL table of
 * {@code (<scope>, user_id, <by>, created_at)} with primary key {@code (<scope>, user_id)}: a block survives instance
 * restarts and a Redis loss, and every line that passed the cheap checks reads one row by key. The table and column
 * names are the owner's constants, never input.
 */
public final class ChatBlockList {

    /** How the owner shows one blocked person. */
    @FunctionalInterface
    public interface Entry<T> {
        T of(long userId, String displayName, Instant since);
    }

    private final DatabaseClient db;
    private final String table;
    private final String scope;
    private final String by;

    public ChatBlockList(DatabaseClient db, String table, String scopeColumn, String byColumn) {
        this.db = db;
        this.table = table;
        this.scope = scopeColumn;
        this.by = byColumn;
    }

    public Mono<Boolean> contains(long scopeId, long userId) {
        return db.sql("select exists (select 1 from " + table + " where " + scope + " = :s and user_id = :u) as blocked")
                .bind("s", scopeId).bind("u", userId)
                .map(row -> Boolean.TRUE.equals(row.get("blocked", Boolean.class))).one();
    }

    /** Blocks (a repeat keeps the first block). */
    public Mono<Void> add(long scopeId, long userId, long byUserId) {
        return db.sql("insert into " + table + " (" + scope + ", user_id, " + by + ") values (:s, :u, :by) on conflict do nothing")
                .bind("s", scopeId).bind("u", userId).bind("by", byUserId).fetch().rowsUpdated().then();
    }

    public Mono<Void> remove(long scopeId, long userId) {
        return db.sql("delete from " + table + " where " + scope + " = :s and user_id = :u")
                .bind("s", scopeId).bind("u", userId).fetch().rowsUpdated().then();
    }

    /** Everyone blocked in the scope, first blocked first. */
    public <T> Flux<T> of(long scopeId, Entry<T> entry) {
        return db.sql("select b.user_id, u.display_name, b.created_at from " + table + " b join app_user u on u.id = b.user_id"
                        + " where b." + scope + " = :s order by b.created_at, b.user_id")
                .bind("s", scopeId)
                .map(row -> entry.of(row.get("user_id", Long.class), row.get("display_name", String.class),
                        row.get("created_at", Instant.class)))
                .all();
    }
}
