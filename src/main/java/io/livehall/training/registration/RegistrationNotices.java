package io.livehall.training.registration;

import java.time.Clock;

import io.livehall.common.notification.Notification;
import io.livehall.notification.NotificationCentre;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * What a registrant is told on {@code /user/queue/notifications} (and finds in the bell's list): moved up from the
 * waiting list, approved, rejected with the reason. Called inside the transaction of the change (NotificationCentre
 * writes the stored notification and its outbox row there), so a person is told if and only if the change committed.
 */
@Component
class RegistrationNotices {

    static final String TYPE = "training-registration";

    private final NotificationCentre centre;
    private final Clock clock;

    RegistrationNotices(NotificationCentre centre, Clock clock) {
        this.centre = centre;
        this.clock = clock;
    }

    Mono<Void> movedUp(long userId, long seriesId, String seriesTitle) {
        return tell(userId, seriesId, "候补成功：「" + seriesTitle + "」", "已有名额空出，您的报名已确认。");
    }

    Mono<Void> approved(long userId, long seriesId, String seriesTitle) {
        return tell(userId, seriesId, "报名已通过：「" + seriesTitle + "」", "主办方已通过您的报名，请按时参加。");
    }

    Mono<Void> rejected(long userId, long seriesId, String seriesTitle, String reason) {
        return tell(userId, seriesId, "报名未通过：「" + seriesTitle + "」", "原因：" + reason);
    }

    private Mono<Void> tell(long userId, long seriesId, String title, String body) {
        return centre.notify(userId, Notification.of(TYPE, title, body, "/training/series/" + seriesId, clock));
    }
}
