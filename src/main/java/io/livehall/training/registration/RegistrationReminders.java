package io.livehall.training.registration;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

import io.livehall.common.calendar.CalendarFile;
import io.livehall.common.notification.Notification;
import io.livehall.common.schedule.ReminderJob;
import io.livehall.notification.NotificationCentre;
import io.livehall.training.registration.RegistrationRepository.DueReminder;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reminds confirmed registrants before each session of their series, at the series' offsets (e.g. a day and half an
 * hour before). Each run claims the due (session, user, offset) triples in PostgreSQL (insert … on conflict do nothing
 * returning) and writes each person's notification (NotificationCentre: stored + outbox) in the same transaction
 * ({@link ReminderJob}), so a reminder is sent exactly once even when several instances run at the same moment, and
 * not lost if a run fails (its claims roll back with it). A reminder whose moment passed while the job was down still
 * goes out as long as the session has not started; none goes out for an offset that had passed already when the
 * person registered. After the commit, every {@link ReminderSender} gets an SMS for registrants who gave a phone number.
 */
@Component
class RegistrationReminders extends ReminderJob<DueReminder> {

    static final String TYPE = "training-reminder";
    private static final Log log = LogFactory.getLog(RegistrationReminders.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("M月d日 HH:mm")
            .withZone(CalendarFile.SHANGHAI);

    private final RegistrationRepository repository;
    private final NotificationCentre notifications;
    private final List<ReminderSender> senders;
    private final ReminderSettings settings;

    RegistrationReminders(RegistrationRepository repository, NotificationCentre notifications, List<ReminderSender> senders,
                          ReminderSettings settings, TransactionalOperator tx, Clock clock, MeterRegistry meters) {
        super(tx, clock, meters);
        this.repository = repository;
        this.notifications = notifications;
        this.senders = List.copyOf(senders);
        this.settings = settings;
    }

    @Override
    protected Duration period() {
        return settings.every();
    }

    @Override
    protected Flux<DueReminder> claimDue(Instant now) {
        return repository.claimDue(now, settings.batch());
    }

    @Override
    protected Mono<Void> remind(DueReminder r, Instant now) {
        return notifications.notify(r.userId(), notification(r, now)).then();
    }

    private Notification notification(DueReminder r, Instant now) {
        return new Notification(TYPE, "「" + r.sessionTitle() + "」" + before(r.offsetMinutes()) + "开始",
                r.seriesTitle() + "，" + TIME.format(r.startsAt()) + " 开始（北京时间）", "/training/sessions/" + r.sessionId(), now);
    }

    @Override
    protected Mono<Void> afterCommit(DueReminder r) {
        if (r.phone() == null) {
            return Mono.empty();
        }
        ReminderSender.Message message = new ReminderSender.Message(ReminderSender.Channel.SMS, r.userId(), r.phone(),
                "【直播展厅】您报名的「" + r.sessionTitle() + "」将于 " + TIME.format(r.startsAt()) + " 开始。");
        return Flux.fromIterable(senders).concatMap(s -> s.send(message)
                .onErrorResume(e -> {
                    log.warn("A reminder sender failed (the in-app reminder is sent): " + e);
                    return Mono.empty();
                })).then();
    }

    /** "1 天后" / "2 小时后" / "30 分钟后", as the offset reads best. */
    static String before(int minutes) {
        if (minutes % 1440 == 0) {
            return (minutes / 1440) + " 天后";
        }
        if (minutes % 60 == 0) {
            return (minutes / 60) + " 小时后";
        }
        return minutes + " 分钟后";
    }
}
