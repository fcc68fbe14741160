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
 * @param allowedOrigins     origins besides the app's own that may open {@code /ws}
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
                        @DefaultValue("http://localhost:5173") List<String> allowedOrigins,
                        @DefaultValue("false") boolean benchTopic) {

    Outbox.Limits outboxLimits() {
        return new Outbox.Limits(outboundLimit, outboundBytesLimit.toBytes(), sendTimeLimit.toMillis());
    }
}
