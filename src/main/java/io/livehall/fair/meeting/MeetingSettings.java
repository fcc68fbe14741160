package io.livehall.fair.meeting;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code livehall.fair.meetings.*}: how long before a meeting both sides are reminded, how often the reminder job
 * looks, how many reminders one run claims, and how many meeting requests a participant may send per window.
 */
@ConfigurationProperties("livehall.fair.meetings")
record MeetingSettings(@DefaultValue("15m") Duration remindBefore, @DefaultValue("30s") Duration every,
                       @DefaultValue("500") int batch, @DefaultValue("20") int requestsPerWindow,
                       @DefaultValue("10m") Duration requestWindow) {

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
        if (requestsPerWindow < 1 || requestWindow.isNegative() || requestWindow.toSeconds() < 1) {
            throw new IllegalArgumentException("livehall.fair.meetings.requests-per-window must be positive and "
                    + "livehall.fair.meetings.request-window at least 1s");
        }
    }
}
