package io.livehall.realtime.stomp;

import org.springframework.stereotype.Component;

/** What every connection needs, in one place (connections are created per WebSocket, not by Spring). */
@Component
record StompServices(RealtimeSettings settings, ConnectionAuthenticator authenticator,
                     SubscriptionHandler subscriptions, SendHandler sends, ConnectionRegistry connections,
                     RealtimeMetrics metrics, java.time.Clock clock) {
}
