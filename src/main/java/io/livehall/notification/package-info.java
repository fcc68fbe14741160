/**
 * The notification centre: what is sent to a user's {@code /user/queue/notifications} (reminders, onboarding
 * decisions, merchant status, order changes) is also kept in PostgreSQL, so the header's bell lists it, counts what
 * is unread and marks it read, even for a user who was offline when it was sent. Domains send through
 * {@link io.livehall.notification.NotificationCentre}; delivery to open connections goes through the realtime outbox
 * seam ({@code UserNotifications}).
 */
package io.livehall.notification;
