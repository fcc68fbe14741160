package io.livehall.realtime.presence;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code livehall.presence.*}: how soon a crashed instance's viewers stop counting.
 *
 * @param lease     an instance's members count while it renewed its lease in their room within this time; a crashed
 *                  instance's viewers stop counting (and stop holding the peak up) this long after its last renewal
 * @param beatEvery how often a live instance renews its leases (well under {@code lease}: a GC pause or a slow Redis
 *                  must not make its viewers lapse); also the slot of peak candidates awaiting confirmation
 */
@ConfigurationProperties("livehall.presence")
record PresenceSettings(@DefaultValue("5s") Duration lease,
                        @DefaultValue("1s") Duration beatEvery) {

    PresenceSettings {
        if (beatEvery.isNegative() || beatEvery.isZero() || beatEvery.compareTo(lease.dividedBy(2)) > 0) {
            throw new IllegalArgumentException("livehall.presence.beat-every must be positive and at most half of livehall.presence.lease");
        }
    }
}
