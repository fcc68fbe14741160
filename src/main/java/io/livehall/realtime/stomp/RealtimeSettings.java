package io.livehall.realtime.stomp;

import java.time.Duration;
import java.util.List;

/**
 * {@code livehall.realtime.*}: transport limits of the STOMP endpoint.
 *
 * @param maxFrameBytes      largest inbound STOMP frame (ERROR and close beyond)
 * @param maxSubscriptions   per connection
 * @param outboundLimit      frames waiting for a slow client before it is disconnected
 * @param heartbeat          interval the server offers both ways
 * @param allowedOrigins     origins besides the app's own that may open {@code /ws}
 * @param benchTopic         lets clients SEND to {@code /topic/bench} (load tests only)
 */
record RealtimeSettings(int maxFrameBytes, int maxSubscriptions, int outboundLimit, Duration heartbeat,
                        List<String> allowedOrigins, boolean benchTopic) {
}
