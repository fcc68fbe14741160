package io.livehall.realtime.stomp;

import java.time.Duration;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The realtime settings ({@code livehall.realtime.*}); {@link StompRoute} serves {@code /ws}. */
@Configuration(proxyBeanMethods = false)
class StompEndpointConfig {

    @Bean
    RealtimeSettings realtimeSettings(
            @Value("${livehall.realtime.max-frame-bytes:65536}") int maxFrameBytes,
            @Value("${livehall.realtime.max-subscriptions:100}") int maxSubscriptions,
            @Value("${livehall.realtime.outbound-limit:1000}") int outboundLimit,
            @Value("${livehall.realtime.heartbeat:10s}") Duration heartbeat,
            @Value("${livehall.realtime.allowed-origins:http://localhost:5173}") List<String> allowedOrigins,
            @Value("${livehall.realtime.bench-topic:false}") boolean benchTopic) {
        return new RealtimeSettings(maxFrameBytes, maxSubscriptions, outboundLimit, heartbeat, allowedOrigins, benchTopic);
    }
}
