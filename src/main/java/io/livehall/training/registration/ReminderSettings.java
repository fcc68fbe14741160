package io.livehall.training.registration;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code livehall.training.reminders.*}: how often the reminder job looks for due reminders and how many one run
 * claims (the rest go in the next run).
 */
@ConfigurationProperties("livehall.training.reminders")
record ReminderSettings(@DefaultValue("30s") Duration every, @DefaultValue("500") int batch) {

    ReminderSettings {
        if (every.isNegative() || every.isZero()) {
            throw new IllegalArgumentException("livehall.training.reminders.every must be positive");
        }
        if (batch < 1 || batch > 10_000) {
            throw new IllegalArgumentException("livehall.training.reminders.batch must be 1..10000");
        }
    }
}
