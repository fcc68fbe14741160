package io.livehall.showcase.merchant;

import java.time.Clock;
import java.time.Instant;

import io.livehall.notification.NotificationCentre;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Tells users on {@code /user/queue/notifications} what happened to their application or merchant. The notification
 * is written to the outbox and the user's notification list in the transaction of the decision, so it is sent if and only if the decision committed,
 * and delivered at least once even if Redis is away for a while.
 */
@Component
class OnboardingNotifier {

    /** The common notification shape ({@code type, title, body, link, at}) plus what the type adds. */
    record ApplicationNotification(String type, String title, String body, String link, Instant at,
                                   long applicationId, ApplicationStatus status, String reason) {
    }

    record MerchantNotification(String type, String title, String body, String link, Instant at,
                                long merchantId, MerchantStatus status) {
    }

    private final NotificationCentre notifications;
    private final Clock clock;

    OnboardingNotifier(NotificationCentre notifications, Clock clock) {
        this.notifications = notifications;
        this.clock = clock;
    }

    Mono<Void> decided(long applicantId, long applicationId, ApplicationStatus status, String reason) {
        ApplicationNotification n = switch (status) {
            case APPROVED -> new ApplicationNotification("application", "入驻申请已通过",
                    "恭喜！请重新登录，在商家中心签署进场协议和质量服务承诺后即可上架商品、开播。", "/merchant",
                    clock.instant(), applicationId, status, reason);
            case REJECTED -> new ApplicationNotification("application", "入驻申请未通过", reason, "/apply",
                    clock.instant(), applicationId, status, reason);
            case CHANGES_REQUESTED -> new ApplicationNotification("application", "入驻申请需补充材料", reason, "/apply",
                    clock.instant(), applicationId, status, reason);
            case SUBMITTED -> throw new IllegalArgumentException("not a decision");
        };
        return send(applicantId, n);
    }

    Mono<Void> merchantStatus(long userId, long merchantId, MerchantStatus status) {
        MerchantNotification n = status == MerchantStatus.SUSPENDED
                ? new MerchantNotification("merchant", "商家已被暂停", "暂停期间不能上架商品、开播、发起秒杀、接单和报价；正在进行的直播和秒杀已结束，"
                        + "未付款的订单已取消，已付款的订单请照常发货。如有疑问请联系组织方。",
                        "/merchant", clock.instant(), merchantId, status)
                : new MerchantNotification("merchant", "商家已恢复", "您可以继续上架商品、开播和接单。", "/merchant",
                        clock.instant(), merchantId, status);
        return send(userId, n);
    }

    /** Queued in the outbox: call it inside the transaction of the decision or status change. */
    private Mono<Void> send(long userId, Object payload) {
        return notifications.notify(userId, payload);
    }
}
