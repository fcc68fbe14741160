package io.livehall.realtime.broker;

import io.livehall.common.outbox.Outbox;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Messages to a user's {@code /user/queue/<queue>} that must arrive: written to the transactional outbox in the
 * transaction of the change ({@link #send} must be called inside it), delivered after the commit on whatever instances
 * the user is connected to, retried until Redis takes them. Each message carries {@code eventId}: a message may come
 * twice (at least once), the client drops repeats by that id.
 */
@Component
public class UserNotifications {

    static final String KIND = "user-message";

    private record Envelope(String userId, String queue, Object payload) {
    }

    private final Outbox outbox;

    UserNotifications(Outbox outbox, Broker broker, JsonMapper json) {
        this.outbox = outbox;
        outbox.handle(KIND, (eventId, payloadJson) -> {
            JsonNode envelope = json.readTree(payloadJson);
            JsonNode payload = envelope.get("payload");
            if (payload instanceof ObjectNode object) {
                object.put("eventId", eventId);
            }
            return broker.publishToUser(envelope.get("userId").asString(), envelope.get("queue").asString(), payload);
        });
    }

    /** Queues {@code payload} for the user's {@code /user/queue/<queue>}; inside the change's transaction. */
    public Mono<Void> send(String userId, String queue, Object payload) {
        return outbox.append(KIND, new Envelope(userId, queue, payload));
    }

    /** The same for several users (one event each). */
    public Mono<Void> sendAll(Iterable<String> userIds, String queue, Object payload) {
        return reactor.core.publisher.Flux.fromIterable(userIds).concatMap(u -> send(u, queue, payload)).then();
    }
}
