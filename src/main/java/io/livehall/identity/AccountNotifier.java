package io.livehall.identity;

import io.livehall.common.notification.Notification;
import reactor.core.publisher.Mono;

/**
 * How identity tells a user something on {@code /user/queue/notifications} (implemented by realtime, which identity
 * must not depend on). Call it inside the transaction of the change: the message is sent if and only if it commits.
 */
public interface AccountNotifier {

    Mono<Void> notify(long userId, Notification notification);
}
