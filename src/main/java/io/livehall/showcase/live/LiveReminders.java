package io.livehall.showcase.live;

import java.time.Instant;

import io.livehall.common.error.ApiProblem;
import io.livehall.common.notification.Notification;
import io.livehall.notification.NotificationCentre;
import io.livehall.showcase.live.LiveSessionViews.Reminder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * "Remind me": a logged-in viewer asks to be told when a scheduled session starts. Going live claims the
 * session's unnotified reminders in PostgreSQL ({@code notified_at}) and writes each user's notification to the
 * outbox and the users' notification lists (NotificationCentre), all inside the go-live transaction: each user is claimed once however many requests or instances race, and
 * the notification is delivered on {@code /user/queue/notifications} after the commit, at least once (with its
 * {@code eventId}, so a repeat is dropped by the client), even if Redis is down for a while.
 */
@Component
class LiveReminders {

    static final String TYPE = "live-started";

    private final LiveSessionRepository sessions;
    private final NotificationCentre notifications;

    LiveReminders(LiveSessionRepository sessions, NotificationCentre notifications) {
        this.sessions = sessions;
        this.notifications = notifications;
    }

    Mono<Reminder> remind(long sessionId, long userId) {
        return sessions.addReminder(sessionId, userId)
                .flatMap(added -> added == 1 ? Mono.<Void>empty() : sessions.status(sessionId)
                        .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("直播")))
                        .flatMap(status -> LiveStatus.SCHEDULED.name().equals(status) ? Mono.<Void>empty() // already reminded
                                : Mono.error(new ApiProblem(HttpStatus.CONFLICT, "not-scheduled",
                                        "直播" + LiveStatus.valueOf(status).label() + "，不能再预约提醒"))))
                .then(state(sessionId, true));
    }

    Mono<Reminder> forget(long sessionId, long userId) {
        return sessions.status(sessionId)
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("直播")))
                .then(sessions.removeReminder(sessionId, userId))
                .then(state(sessionId, false));
    }

    /**
     * Inside the go-live transaction: claims the session's reminders for good and queues each reminded user's
     * notification in the outbox; answers how many users will be told.
     */
    Mono<Long> claimAndNotify(LiveSession s, String merchantName, Instant now) {
        Notification n = new Notification(TYPE, "「" + s.title() + "」开播了",
                (merchantName == null || merchantName.isBlank() ? "" : merchantName + " ") + "正在直播，快来看看吧",
                "/live/" + s.id(), now);
        return sessions.claimReminders(s.id())
                .concatMap(user -> notifications.notify(user, n).thenReturn(user))
                .count();
    }

    private Mono<Reminder> state(long sessionId, boolean reminded) {
        return sessions.reminderCount(sessionId).map(n -> new Reminder(sessionId, reminded, n));
    }
}
