package io.livehall.realtime.stomp;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

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
@ConfigurationProperties("livehall.realtime")
record RealtimeSettings(@DefaultValue("65536") int maxFrameBytes,
                        @DefaultValue("100") int maxSubscriptions,
                        @DefaultValue("1000") int outboundLimit,
                        @DefaultValue("10s") Duration heartbeat,
                        @DefaultValue("http://localhost:5173") List<String> allowedOrigins,
                        @DefaultValue("false") boolean benchTopic) {
}
