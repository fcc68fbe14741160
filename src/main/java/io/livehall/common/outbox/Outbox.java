package io.livehall.common.outbox;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The transactional outbox, for side effects that must arrive (a user's notification that a session went live,
 * that an application was decided). {@link #append} writes the event in the caller's transaction, so it exists if and
 * only if the change committed; the {@link OutboxRelay} delivers it afterwards, in order, at least once, retrying
 * with backoff, one instance at a time. Handlers are registered per kind and must tolerate a repeat (each delivery
 * carries the event's id).
 */
@Component
public class Outbox {

    /** Delivers one event: its id (for deduplication downstream) and its JSON payload. */
    @FunctionalInterface
    public interface Handler {
        Mono<Void> deliver(long eventId, String payloadJson);
    }

    private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9.-]{0,63}");

    private final DatabaseClient db;
    private final JsonMapper json;
    private final Map<String, Handler> handlers = new ConcurrentHashMap<>();

    Outbox(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    /** Registers the handler of a kind (once, at startup). */
    public void handle(String kind, Handler handler) {
        if (!KIND.matcher(kind).matches()) {
            throw new IllegalArgumentException("Invalid outbox kind " + kind);
        }
        if (handlers.putIfAbsent(kind, handler) != null) {
            throw new IllegalStateException("Outbox kind " + kind + " has a handler already");
        }
    }

    /** Writes an event in the current transaction (call it inside the transaction of the change it belongs to). */
    public Mono<Void> append(String kind, Object payload) {
        if (!handlers.containsKey(kind)) {
            return Mono.error(new IllegalStateException("No outbox handler for " + kind));
        }
        String body = new String(json.writeValueAsBytes(payload), java.nio.charset.StandardCharsets.UTF_8);
        return db.sql("insert into outbox_event (kind, payload) values (:kind, cast(:payload as jsonb))")
                .bind("kind", kind).bind("payload", body)
                .fetch().rowsUpdated().then();
    }

    Function<String, Handler> handlers() {
        return handlers::get;
    }

    /** The kinds this instance delivers. */
    String[] kinds() {
        return handlers.keySet().toArray(String[]::new);
    }
}
