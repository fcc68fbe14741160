package io.livehall.showcase.live;

import java.time.Instant;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Users muted in a session's chat, in PostgreSQL ({@code live_chat_mute}): a mute survives instance restarts and a
 * Redis loss. Every chat SEND that passed the cheap checks reads one row by primary key.
 */
@Repository
class ChatMutes {

    /** One muted user as the console lists them. */
    record Mute(long userId, String displayName, Instant mutedAt) {
    }

    private final DatabaseClient db;

    ChatMutes(DatabaseClient db) {
        this.db = db;
    }

    Mono<Boolean> isMuted(long sessionId, long userId) {
        return db.sql("select exists (select 1 from live_chat_mute where session_id = :s and user_id = :u) as muted")
                .bind("s", sessionId).bind("u", userId)
                .map(row -> Boolean.TRUE.equals(row.get("muted", Boolean.class))).one();
    }

    /** Mutes (a repeat keeps the first mute). */
    Mono<Void> mute(long sessionId, long userId, long by) {
        return db.sql("""
                        insert into live_chat_mute (session_id, user_id, muted_by) values (:s, :u, :by)
                        on conflict do nothing""")
                .bind("s", sessionId).bind("u", userId).bind("by", by).fetch().rowsUpdated().then();
    }

    Mono<Void> unmute(long sessionId, long userId) {
        return db.sql("delete from live_chat_mute where session_id = :s and user_id = :u")
                .bind("s", sessionId).bind("u", userId).fetch().rowsUpdated().then();
    }

    Flux<Mute> of(long sessionId) {
        return db.sql("""
                        select m.user_id, u.display_name, m.created_at from live_chat_mute m join app_user u on u.id = m.user_id
                        where m.session_id = :s order by m.created_at, m.user_id""")
                .bind("s", sessionId)
                .map(row -> new Mute(row.get("user_id", Long.class), row.get("display_name", String.class),
                        row.get("created_at", Instant.class)))
                .all();
    }

    /** The display name of an account, empty when there is none. */
    Mono<String> displayName(long userId) {
        return db.sql("select display_name from app_user where id = :u").bind("u", userId)
                .map(row -> row.get("display_name", String.class)).one();
    }
}
