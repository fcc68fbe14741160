package io.livehall.showcase.live;

import java.util.List;

import io.livehall.common.error.ApiProblem;
import io.livehall.common.notification.Notification;
import io.livehall.realtime.broker.Broker;
import io.livehall.showcase.live.LiveSessionViews.Reminder;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * "Remind me": a logged-in viewer asks to be told when a scheduled session starts. Going live claims the
 * session's unnotified reminders in PostgreSQL ({@code notified_at}), inside the go-live transaction, so
 * each user is notified exactly once however many requests or instances race; the notifications go out on
 * {@code /user/queue/notifications} after the commit.
 */
@Component
class LiveReminders {

    static final String TYPE = "live-started";
    private static final Log log = LogFactory.getLog(LiveReminders.class);

    private final LiveSessionRepository sessions;
    private final Broker broker;

    LiveReminders(LiveSessionRepository sessions, Broker broker) {
        this.sessions = sessions;
        this.broker = broker;
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

    /** Inside the go-live transaction: the users to notify, each claimed once for good. */
    Mono<List<Long>> claim(long sessionId) {
        return sessions.claimReminders(sessionId).collectList();
    }

    /** After the commit: tells each claimed user the session started. A failed delivery is logged, not retried. */
    Mono<Void> notifyStarted(LiveSession s, String merchantName, List<Long> userIds) {
        Notification n = Notification.of(TYPE, "「" + s.title() + "」开播了",
                (merchantName == null || merchantName.isBlank() ? "" : merchantName + " ") + "正在直播，快来看看吧",
                "/live/" + s.id());
        return Flux.fromIterable(userIds)
                .flatMap(user -> broker.publishToUser(String.valueOf(user), Notification.QUEUE, n)
                        .onErrorResume(e -> {
                            log.warn("Live reminder to user " + user + " for session " + s.id() + " failed", e);
                            return Mono.empty();
                        }), 16)
                .then();
    }

    private Mono<Reminder> state(long sessionId, boolean reminded) {
        return sessions.reminderCount(sessionId).map(n -> new Reminder(sessionId, reminded, n));
    }
}
