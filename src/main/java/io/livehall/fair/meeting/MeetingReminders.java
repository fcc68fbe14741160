package io.livehall.fair.meeting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.livehall.common.schedule.ReminderJob;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reminds both sides of a booked meeting {@code remind-before} its start (or at once if it was booked later than
 * that). Each run claims the due (meeting, contact) pairs in PostgreSQL ({@code fair_meeting_reminder}: insert … on
 * conflict do nothing returning) and writes each notification in the same transaction ({@link ReminderJob}), so a
 * reminder goes out exactly once however many instances run at the same moment, and is not lost when a run fails
 * (its claims roll back).
 */
@Component
class MeetingReminders extends ReminderJob<MeetingReminders.Claim> {

    /** A claimed reminder: this meeting, to this user. */
    record Claim(long meetingId, long userId) {
    }

    private final DatabaseClient db;
    private final MeetingRepository meetings;
    private final MeetingNotices notices;
    private final MeetingSettings settings;

    MeetingReminders(DatabaseClient db, MeetingRepository meetings, MeetingNotices notices, MeetingSettings settings,
                     TransactionalOperator tx, Clock clock, MeterRegistry meters) {
        super(tx, clock, meters);
        this.db = db;
        this.meetings = meetings;
        this.notices = notices;
        this.settings = settings;
    }

    @Override
    protected Duration period() {
        return settings.every();
    }

    @Override
    protected Flux<Claim> claimDue(Instant now) {
        return db.sql("""
                        with due as (
                            select m.id, m.fair_id, u.user_id from fair_meeting m
                             cross join lateral (select p.user_id from fair_participant p
                                                  where p.id in (m.requester_id, m.invitee_id)) u
                             where m.status = 'BOOKED' and m.starts_at > :now and m.starts_at <= :until
                               and not exists (select 1 from fair_meeting_reminder r
                                                where r.meeting_id = m.id and r.user_id = u.user_id)
                             limit :batch
                        )
                        insert into fair_meeting_reminder (meeting_id, user_id, sent_at)
                        select id, user_id, :now from due on conflict do nothing
                        returning meeting_id, user_id""")
                .bind("now", now).bind("until", now.plus(settings.remindBefore()))
                .bind("batch", settings.batch())
                .map(row -> new Claim(row.get("meeting_id", Long.class), row.get("user_id", Long.class)))
                .all();
    }

    @Override
    protected Mono<Void> remind(Claim claim, Instant now) {
        return db.sql("select fair_id from fair_meeting where id = :id").bind("id", claim.meetingId())
                .map(row -> row.get(0, Long.class)).one()
                .flatMap(fairId -> meetings.find(fairId, claim.meetingId()))
                .flatMap(row -> notices.reminder(row, claim.userId(), claim.userId() == row.requesterUser()
                        ? row.meeting().invitee() : row.meeting().requester()))
                .then();
    }
}
