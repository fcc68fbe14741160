package io.livehall.common.notification;

import java.time.Clock;
import java.time.Instant;

/**
 * The one payload of {@code /user/queue/notifications} (docs/api.md): {@code type} says what happened
 * (e.g. {@code live-started}), {@code title} is the line to show, {@code body} optional detail, {@code link}
 * an app path to open (e.g. {@code /live/12}). Send it with {@code Broker.publishToUser(userId, "notifications", n)}.
 */
public record Notification(String type, String title, String body, String link, Instant at) {

    public static final String QUEUE = "notifications";

    public static Notification of(String type, String title, String body, String link, Clock clock) {
        return new Notification(type, title, body, link, clock.instant());
    }
}
