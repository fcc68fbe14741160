package io.livehall.showcase.merchant;

import java.time.Instant;

import io.livehall.realtime.broker.Broker;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Tells users on {@code /user/queue/notifications} what happened to their application or merchant. The
 * decision is already committed: a notification that cannot be delivered is logged, never an error.
 */
@Component
class OnboardingNotifier {

    private static final Log log = LogFactory.getLog(OnboardingNotifier.class);
    static final String QUEUE = "notifications";

    /** The common notification shape ({@code type, title, body, link, at}) plus what the type adds. */
    record ApplicationNotification(String type, String title, String body, String link, Instant at,
                                   long applicationId, ApplicationStatus status, String reason) {
    }

    record MerchantNotification(String type, String title, String body, String link, Instant at,
                                long merchantId, MerchantStatus status) {
    }

    private final Broker broker;

    OnboardingNotifier(Broker broker) {
        this.broker = broker;
    }

    Mono<Void> decided(long applicantId, long applicationId, ApplicationStatus status, String reason) {
        ApplicationNotification n = switch (status) {
            case APPROVED -> new ApplicationNotification("application", "入驻申请已通过",
                    "恭喜！请重新登录，在商家中心签署进场协议和质量服务承诺后即可上架商品、开播。", "/merchant",
                    Instant.now(), applicationId, status, reason);
            case REJECTED -> new ApplicationNotification("application", "入驻申请未通过", reason, "/apply",
                    Instant.now(), applicationId, status, reason);
            case CHANGES_REQUESTED -> new ApplicationNotification("application", "入驻申请需补充材料", reason, "/apply",
                    Instant.now(), applicationId, status, reason);
            case SUBMITTED -> throw new IllegalArgumentException("not a decision");
        };
        return send(applicantId, n);
    }

    Mono<Void> merchantStatus(long userId, long merchantId, MerchantStatus status) {
        MerchantNotification n = status == MerchantStatus.SUSPENDED
                ? new MerchantNotification("merchant", "商家已被暂停", "暂停期间不能上架商品、开播、发起秒杀、接单和报价；正在进行的直播和秒杀已结束，"
                        + "未付款的订单已取消，已付款的订单请照常发货。如有疑问请联系组织方。",
                        "/merchant", Instant.now(), merchantId, status)
                : new MerchantNotification("merchant", "商家已恢复", "您可以继续上架商品、开播和接单。", "/merchant",
                        Instant.now(), merchantId, status);
        return send(userId, n);
    }

    private Mono<Void> send(long userId, Object payload) {
        return broker.publishToUser(Long.toString(userId), QUEUE, payload)
                .onErrorResume(e -> {
                    log.warn("Could not notify user " + userId + ": " + e);
                    return Mono.empty();
                });
    }
}
