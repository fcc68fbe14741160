package io.livehall.common.instance;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code livehall.instance.*}: how instances tell each other they are alive.
 *
 * @param ttl          an instance that has not said so for this long counts as dead (its Redis key expires)
 * @param refreshEvery how often a live instance says so (well under {@code ttl}: a GC pause must not kill it)
 */
@ConfigurationProperties("livehall.instance")
record InstanceSettings(@DefaultValue("10s") Duration ttl,
                        @DefaultValue("2s") Duration refreshEvery) {

    InstanceSettings {
        if (refreshEvery.compareTo(ttl.dividedBy(2)) > 0) {
            throw new IllegalArgumentException("livehall.instance.refresh-every must be at most half of livehall.instance.ttl");
        }
    }
}
