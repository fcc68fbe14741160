package io.livehall.training.replay;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code livehall.training.replay.*}: how replay watching is counted (see {@link ReplayWatch}).
 *
 * @param slot         a heartbeat's worth of watch time and the slot of the heartbeat slot key (the player sends one
 *                     every 15 s of playing)
 * @param minGap       at most one heartbeat per viewer counts within this time (however many plays they run)
 * @param perMinute    heartbeats a viewer may send a minute before being answered 429 (a flood, not a player)
 */
@ConfigurationProperties("livehall.training.replay")
record ReplaySettings(@DefaultValue("15s") Duration slot,
                      @DefaultValue("10s") Duration minGap,
                      @DefaultValue("20") int perMinute) {
}
