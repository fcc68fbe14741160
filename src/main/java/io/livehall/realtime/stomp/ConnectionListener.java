package io.livehall.realtime.stomp;

import io.livehall.realtime.broker.RealtimeUser;
import reactor.core.publisher.Mono;

/**
 * What happens to STOMP connections, for whoever keeps track of them (presence does): every bean implementing this
 * is told when a WebSocket is accepted (before its CONNECT frame), when it subscribes to or unsubscribes from a destination (its first
 * SUBSCRIBE after the subscription is live, its UNSUBSCRIBE after it stopped) and when it is gone. The STOMP layer
 * waits for {@code subscribed} and {@code unsubscribed} before it answers the frame's RECEIPT; {@code disconnected}
 * runs after the connection closed. Listeners must not block.
 */
public interface ConnectionListener {

    default void connected(String connection) {
    }

    default Mono<Void> subscribed(String connection, RealtimeUser user, String destination) {
        return Mono.empty();
    }

    default Mono<Void> unsubscribed(String connection, String destination) {
        return Mono.empty();
    }

    default Mono<Void> disconnected(String connection) {
        return Mono.empty();
    }
}
