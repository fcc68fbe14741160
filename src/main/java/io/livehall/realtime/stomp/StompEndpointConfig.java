package io.livehall.realtime.stomp;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
import org.springframework.web.reactive.socket.server.support.HandshakeWebSocketService;
import org.springframework.web.reactive.socket.server.support.WebSocketHandlerAdapter;
import org.springframework.web.reactive.socket.server.upgrade.ReactorNettyRequestUpgradeStrategy;
import reactor.netty.http.server.WebsocketServerSpec;

/**
 * Maps {@code /ws}. Cross-origin handshakes are refused (403) unless the origin is listed in
 * {@code livehall.realtime.allowed-origins}. Reactor Netty's WebSocket frame limit is set above the STOMP
 * limit, so an oversized STOMP frame gets a proper ERROR frame instead of a bare 1009 close.
 */
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

    @Bean
    HandlerMapping stompHandlerMapping(StompWebSocketHandler handler, RealtimeSettings settings) {
        SimpleUrlHandlerMapping mapping = new SimpleUrlHandlerMapping(Map.of("/ws", handler), Ordered.HIGHEST_PRECEDENCE);
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(settings.allowedOrigins());
        cors.addAllowedMethod("GET");
        cors.addAllowedHeader("*");
        mapping.setCorsConfigurations(Map.of("/ws", cors));
        return mapping;
    }

    /**
     * A fresh spec builder per handshake: the strategy sets the chosen subprotocol on the builder it is given,
     * so one shared builder kept {@code v12.stomp} from an earlier handshake, and every later handshake that
     * asked for no subprotocol (Spring's {@code WebSocketStompClient} by default) got its 101 but never reached
     * the handler.
     */
    @Bean
    WebSocketHandlerAdapter webSocketHandlerAdapter(RealtimeSettings settings) {
        return new WebSocketHandlerAdapter(new HandshakeWebSocketService(new ReactorNettyRequestUpgradeStrategy(
                () -> WebsocketServerSpec.builder()
                        .maxFramePayloadLength(settings.maxFrameBytes() * 2)
                        .handlePing(false))));
    }
}
