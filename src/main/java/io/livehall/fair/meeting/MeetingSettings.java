package io.livehall.fair.meeting;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code livehall.fair.meetings.*}: how long before a meeting both sides are reminded, how often the reminder job
 * looks, and how many reminders one run claims.
 */
@ConfigurationProperties("livehall.fair.meetings")
record MeetingSettings(@DefaultValue("15m") Duration remindBefore, @DefaultValue("30s") Duration every,
                       @DefaultValue("500") int batch) {

    MeetingSettings {
        if (remindBefore.isNegative() || remindBefore.isZero() || remindBefore.toMinutes() > 1440) {
            throw new IllegalArgumentException("livehall.fair.meetings.remind-before must be 1m..24h");
        }
        if (every.isNegative() || every.isZero()) {
            throw new IllegalArgumentException("livehall.fair.meetings.every must be positive");
        }
        if (batch < 1 || batch > 10_000) {
            throw new IllegalArgumentException("livehall.fair.meetings.batch must be 1..10000");
        }
    }
}
