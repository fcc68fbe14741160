package io.livehall.fair.screening;

import java.time.Clock;
import java.util.List;

import io.livehall.common.notification.Notification;
import io.livehall.notification.NotificationCentre;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * What an enterprise (every account of it, once each) and the organisers are told on
 * {@code /user/queue/notifications}: approved, rejected or asked for more (with the reason); the contacts: the fair
 * cancelled; the organiser who created the fair: an answer arrived.
 * Called inside the change's transaction, so one is told if and only if the change committed.
 */
@Component
class ScreeningNotices {

    static final String TYPE = "fair-screening";

    private final NotificationCentre centre;
    private final Clock clock;

    ScreeningNotices(NotificationCentre centre, Clock clock) {
        this.centre = centre;
        this.clock = clock;
    }

    Mono<Void> approved(List<Long> accounts, long fairId, String fair) {
        return tellAll(accounts, fairId, "报名已通过：「" + fair + "」", "主办方已通过贵企业的参会报名，可查看参会企业名录。", "/fairs/" + fairId);
    }

    Mono<Void> rejected(List<Long> accounts, long fairId, String fair, String reason) {
        return tellAll(accounts, fairId, "报名未通过：「" + fair + "」", "原因：" + reason, "/fairs/" + fairId + "/register");
    }

    Mono<Void> needsInfo(List<Long> accounts, long fairId, String fair, String reason) {
        return tellAll(accounts, fairId, "请补充报名资料：「" + fair + "」", "主办方的要求：" + reason, "/fairs/" + fairId + "/register");
    }

    Mono<Void> answered(long organiserId, long fairId, String fair, String enterprise) {
        return tell(organiserId, fairId, "企业已补充资料：「" + fair + "」", enterprise + " 已补充报名资料，等待审核。",
                "/organiser/fairs/" + fairId);
    }

    Mono<Void> cancelled(Iterable<Long> userIds, long fairId, String fair) {
        return centre.notifyAll(userIds, Notification.of(TYPE, "对接会已取消：「" + fair + "」", "主办方已取消本场对接会。",
                "/fairs/" + fairId, clock));
    }

    private Mono<Void> tellAll(List<Long> accounts, long fairId, String title, String body, String link) {
        return centre.notifyAll(accounts, Notification.of(TYPE, title, body, link, clock));
    }

    private Mono<Void> tell(long userId, long fairId, String title, String body, String link) {
        return centre.notify(userId, Notification.of(TYPE, title, body, link, clock));
    }
}
