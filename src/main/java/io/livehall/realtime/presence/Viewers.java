package io.livehall.realtime.presence;

import java.time.Instant;

/** Audience of a room: watching now, peak concurrent (PCU), unique viewers, total watch time. */
public record Viewers(String room, long now, long peak, long unique, long watchSeconds, Instant at) {
}
