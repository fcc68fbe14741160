package io.livehall.training.registration;

import reactor.core.publisher.Mono;

/**
 * Sends a training reminder outside the platform (a text message, an e-mail). Called after the reminder's claim and
 * in-app notification committed, once per claim; best effort (the in-app notification is the one that must arrive).
 * The shipped implementation only logs ({@link LoggingReminderSender}); an SMS gateway would be another bean (every
 * {@code ReminderSender} bean is called).
 */
public interface ReminderSender {

    enum Channel { SMS, EMAIL }

    /** One message: where it goes ({@code address} a mobile number or an e-mail address) and its text. */
    record Message(Channel channel, long userId, String address, String text) {
    }

    Mono<Void> send(Message message);
}
