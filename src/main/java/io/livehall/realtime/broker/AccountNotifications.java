package io.livehall.realtime.broker;

import io.livehall.common.notification.Notification;
import io.livehall.identity.AccountNotifier;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Identity's notifications (enterprise join requests and decisions) through the outbox-backed user queue. */
@Component
class AccountNotifications implements AccountNotifier {

    private final UserNotifications notifications;

    AccountNotifications(UserNotifications notifications) {
        this.notifications = notifications;
    }

    @Override
    public Mono<Void> notify(long userId, Notification notification) {
        return notifications.send(Long.toString(userId), Notification.QUEUE, notification);
    }
}
