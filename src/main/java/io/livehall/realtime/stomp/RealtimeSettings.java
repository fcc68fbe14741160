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
 * @param allowedOrigins     browser origins that may open {@code /ws}: the app's public origin(s) in production
 *                           ({@code https://hall.example.com}); {@code scheme://host:*} allows any port. By default
 *                           only pages served from this machine (loopback, any port: the app itself, the Vite dev
 *                           server, the browser tests). An Origin is never accepted merely because it equals Host
 * @param benchTopic         lets clients SEND to {@code /topic/bench} (load tests only)
 */
@ConfigurationProperties("livehall.realtime")
record RealtimeSettings(@DefaultValue("65536") int maxFrameBytes,
                        @DefaultValue("100") int maxSubscriptions,
                        @DefaultValue("1000") int outboundLimit,
                        @DefaultValue("10s") Duration heartbeat,
                        @DefaultValue({"http://localhost:*", "http://127.0.0.1:*", "http://[::1]:*"}) List<String> allowedOrigins,
                        @DefaultValue("false") boolean benchTopic) {
}
