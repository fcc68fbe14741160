package io.livehall.realtime.stomp;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code livehall.realtime.*}: transport limits of the STOMP endpoint.
 *
 * @param maxFrameBytes      largest inbound STOMP frame (ERROR and close beyond)
 * @param maxSubscriptions   per connection
 * @param outboundLimit      frames waiting for a slow client before it is disconnected
 * @param outboundBytesLimit bytes waiting for a slow client before it is disconnected
 * @param sendTimeLimit      how long a frame may wait for a client that does not read before it is disconnected
 * @param heartbeat          interval the server offers both ways
 * @param maxHeartbeat       longest client heart-beat interval relied on to tell a dead client; a client that
 *                           sends none, or less often than this, gets WebSocket pings instead
 * @param pingInterval       how often such a client is pinged; silence (no frame, no pong) for twice as long closes it
 * @param connectTimeout     a WebSocket that sends no CONNECT within this time gets ERROR and is closed
 * @param allowedOrigins     browser origins that may open {@code /ws}: the app's public origin(s) in production
 *                           ({@code https://hall.example.com}); {@code scheme://host:*} allows any port. By default
 *                           only pages served from this machine (loopback, any port: the app itself, the Vite dev
 *                           server, the browser tests). An Origin is never accepted merely because it equals Host
 * @param tokenRecheck       how often an open connection's token is checked again for revocation (besides the
 *                           revocation events, which end it at once)
 * @param benchTopic         lets clients SEND to {@code /topic/bench} (load tests only)
 */
@ConfigurationProperties("livehall.realtime")
record RealtimeSettings(@DefaultValue("65536") int maxFrameBytes,
                        @DefaultValue("100") int maxSubscriptions,
                        @DefaultValue("1000") int outboundLimit,
                        @DefaultValue("1MB") DataSize outboundBytesLimit,
                        @DefaultValue("15s") Duration sendTimeLimit,
                        @DefaultValue("10s") Duration heartbeat,
                        @DefaultValue("60s") Duration maxHeartbeat,
                        @DefaultValue("20s") Duration pingInterval,
                        @DefaultValue("10s") Duration connectTimeout,
                        @DefaultValue({"http://localhost:*", "http://127.0.0.1:*", "http://[::1]:*"}) List<String> allowedOrigins,
                        @DefaultValue("5m") Duration tokenRecheck,
                        @DefaultValue("false") boolean benchTopic) {

    Outbox.Limits outboxLimits() {
        return new Outbox.Limits(outboundLimit, outboundBytesLimit.toBytes(), sendTimeLimit.toMillis());
    }
}
