package io.livehall.realtime.broker;

/**
 * How a destination's messages travel. LATEST: only the newest value matters (counters): coalesced per
 * subscriber, last value kept for new subscribers. EVENT: every message matters: kept in a bounded
 * replay stream, and a subscriber that falls too far behind is disconnected.
 */
public enum DestinationKind {
    LATEST, EVENT
}
