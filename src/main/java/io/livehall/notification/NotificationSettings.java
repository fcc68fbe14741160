package io.livehall.notification;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code livehall.notifications.*}: how much of a user's notification list is kept.
 *
 * @param perUser    a user keeps at most this many notifications (the oldest go first when a new one arrives)
 * @param retention  notifications older than this are deleted
 * @param sweepEvery how often the retention sweep runs
 */
@ConfigurationProperties("livehall.notifications")
record NotificationSettings(@DefaultValue("500") int perUser,
                            @DefaultValue("90d") Duration retention,
                            @DefaultValue("1h") Duration sweepEvery) {

    NotificationSettings {
        if (perUser < 1 || perUser > 10_000) {
            throw new IllegalArgumentException("livehall.notifications.per-user must be 1..10000");
        }
        if (retention.isNegative() || retention.isZero() || sweepEvery.isNegative() || sweepEvery.isZero()) {
            throw new IllegalArgumentException("livehall.notifications.retention and sweep-every must be positive");
        }
    }
}
