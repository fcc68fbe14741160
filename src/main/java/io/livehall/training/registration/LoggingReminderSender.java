package io.livehall.training.registration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Stands in for an SMS / e-mail gateway: logs one line per message, with the address masked. */
@Component
class LoggingReminderSender implements ReminderSender {

    private static final Log log = LogFactory.getLog(LoggingReminderSender.class);

    @Override
    public Mono<Void> send(Message m) {
        String to = m.channel() == Channel.SMS ? Phones.mask(m.address()) : Phones.maskEmail(m.address());
        log.info("Training reminder by " + m.channel() + " to user " + m.userId() + " at " + to + ": " + m.text());
        return Mono.empty();
    }
}
