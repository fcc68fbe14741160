package io.livehall.notification;

import java.time.Instant;

/**
 * One entry of a user's notification list ({@code GET /api/notifications}): what the pushed message said, when, and
 * whether the user has read it ({@code readAt} null while unread).
 */
record UserNotification(long id, String type, String title, String body, String link, Instant at, Instant readAt) {
}
