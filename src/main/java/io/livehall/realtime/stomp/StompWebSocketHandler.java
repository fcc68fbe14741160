package io.livehall.realtime.stomp;

import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.publisher.Mono;

/** The {@code /ws} endpoint: STOMP 1.2 (1.1, 1.0) over WebSocket; the chosen subprotocol is echoed. */
@Component
class StompWebSocketHandler implements WebSocketHandler {

    private final StompServices services;

    StompWebSocketHandler(StompServices services) {
        this.services = services;
    }

    @Override
    public List<String> getSubProtocols() {
        return List.of("v12.stomp", "v11.stomp", "v10.stomp");
    }

    @Override
    public Mono<Void> handle(WebSocketSession session) {
        return new StompConnection(session, services).run();
    }
}
