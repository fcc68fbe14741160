package io.livehall.showcase.live;

import java.time.Instant;

import io.livehall.common.chat.ChatBlockList;
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
    private final ChatBlockList list;

    ChatMutes(DatabaseClient db) {
        this.db = db;
        this.list = new ChatBlockList(db, "live_chat_mute", "session_id", "muted_by");
    }

    Mono<Boolean> isMuted(long sessionId, long userId) {
        return list.contains(sessionId, userId);
    }

    /** A repeat keeps the first one. */
    Mono<Void> mute(long sessionId, long userId, long by) {
        return list.add(sessionId, userId, by);
    }

    Mono<Void> unmute(long sessionId, long userId) {
        return list.remove(sessionId, userId);
    }

    Flux<Mute> of(long sessionId) {
        return list.of(sessionId, Mute::new);
    }

    /** The display name of an account, empty when there is none. */
    Mono<String> displayName(long userId) {
        return db.sql("select display_name from app_user where id = :u").bind("u", userId)
                .map(row -> row.get("display_name", String.class)).one();
    }
}
