package io.livehall.notification;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.regex.Pattern;

import io.livehall.common.notification.Notification;
import io.livehall.realtime.broker.UserNotifications;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Tells a user something that must arrive and stay listed: the notification ({@code type, title, body, link, at} plus
 * whatever the type adds) is stored in the user's list and queued in the outbox for {@code /user/queue/notifications},
 * both in the caller's transaction (call {@link #notify} inside the transaction of the change), so it is listed and
 * sent if and only if the change committed. The pushed message carries the stored {@code id} (to mark it read) and,
 * from the outbox, {@code eventId}. The user's list is trimmed to the newest {@code livehall.notifications.per-user}.
 */
@Component
public class NotificationCentre {

    private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9-]{0,31}");
    private static final Pattern LINK = Pattern.compile("/\\S{0,299}");

    private final NotificationRepository repository;
    private final UserNotifications delivery;
    private final NotificationSettings settings;
    private final JsonMapper json;
    private final Clock clock;

    NotificationCentre(NotificationRepository repository, UserNotifications delivery, NotificationSettings settings,
                       JsonMapper json, Clock clock) {
        this.repository = repository;
        this.delivery = delivery;
        this.settings = settings;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Stores and queues a notification for the user; inside the change's transaction. {@code payload} is a
     * {@link Notification} or any object serialised with at least {@code type} and {@code title}.
     */
    public Mono<Void> notify(long userId, Object payload) {
        return Mono.defer(() -> {
            ObjectNode node = (ObjectNode) json.valueToTree(payload);
            String type = text(node, "type");
            if (type == null || !TYPE.matcher(type).matches()) {
                return Mono.error(new IllegalArgumentException("A notification needs a type like live-started"));
            }
            String title = clip(text(node, "title"), 200);
            if (title == null || title.isBlank()) {
                return Mono.error(new IllegalArgumentException("A notification needs a title"));
            }
            String body = clip(text(node, "body"), 1000);
            String link = text(node, "link");
            if (link != null && !LINK.matcher(link).matches()) {
                link = null;
            }
            Instant at = clock.instant();
            if (!node.hasNonNull("at")) {
                node.put("at", at.toString());
            }
            String payloadJson = new String(json.writeValueAsBytes(node), StandardCharsets.UTF_8);
            return repository.insert(userId, type, title, body, link, payloadJson, at)
                    .flatMap(id -> {
                        node.put("id", id);
                        return delivery.send(Long.toString(userId), Notification.QUEUE, node);
                    })
                    .then(repository.trim(userId, settings.perUser()))
                    .then();
        });
    }

    /** The same notification for each user (one stored row and one message each). */
    public Mono<Void> notifyAll(Iterable<Long> userIds, Object payload) {
        return reactor.core.publisher.Flux.fromIterable(userIds).concatMap(u -> notify(u, payload)).then();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    private static String clip(String s, int max) {
        return s == null || s.codePointCount(0, s.length()) <= max ? s
                : s.substring(0, s.offsetByCodePoints(0, max - 1)) + "…";
    }
}
