package io.livehall.realtime.stomp;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.livehall.realtime.broker.AppMessage;
import io.livehall.realtime.broker.AppRejection;
import io.livehall.realtime.broker.AppRoutes;
import io.livehall.realtime.broker.Broker;
import io.livehall.realtime.broker.DestinationKind;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * SEND: {@code /app/...} goes to the domain handler registered for it. The frame's RECEIPT (if it asked for one) is
 * sent once the handler succeeded. A handler's refusal gets no RECEIPT: it is told to the sending connection on
 * {@code /user/queue/errors}, carrying the SEND's {@code receipt-id} (header and field) when it had one, and the
 * connection stays open.
 */
@Component
class SendHandler {

    static final String BENCH_TOPIC = "/topic/bench";
    private static final String ERRORS = "/user/queue/errors";
    private static final Log log = LogFactory.getLog(SendHandler.class);

    private final AppRoutes routes;
    private final Broker broker;
    private final RealtimeSettings settings;
    private final JsonMapper json;

    SendHandler(AppRoutes routes, Broker broker, RealtimeSettings settings, JsonMapper json,
                io.livehall.realtime.broker.DestinationCatalog catalog) {
        if (settings.benchTopic()) {
            catalog.register(BENCH_TOPIC, DestinationKind.EVENT, io.livehall.realtime.broker.Access.PUBLIC);
        }
        this.routes = routes;
        this.broker = broker;
        this.settings = settings;
        this.json = json;
    }

    Mono<Void> send(StompConnection connection, StompHeaderAccessor headers, byte[] body, String receipt) {
        String destination = headers.getDestination();
        if (destination == null) {
            throw new StompRefusal("SEND needs a destination", null);
        }
        if (settings.benchTopic() && destination.equals(BENCH_TOPIC)) {
            return broker.publish(BENCH_TOPIC, new String(body, StandardCharsets.UTF_8)).then(connection.receipt(receipt));
        }
        AppRoutes.Match match = routes.match(destination)
                .orElseThrow(() -> new StompRefusal("Unknown destination", "Nothing handles SEND to " + destination));
        AppMessage message = new AppMessage(connection.user(), destination, match.variables(),
                new String(body, StandardCharsets.UTF_8));
        return Mono.defer(() -> match.handler().apply(message))
                .then(connection.receipt(receipt))
                .onErrorResume(AppRejection.class, r -> tell(connection, destination, r.code(), r.getMessage(), receipt))
                .onErrorResume(e -> {
                    log.warn("Handler of " + destination + " failed", e);
                    return tell(connection, destination, "invalid", "请求无法处理", receipt);
                });
    }

    /** Delivers an error to this connection's own {@code /user/queue/errors} subscription, if it has one. */
    private Mono<Void> tell(StompConnection connection, String destination, String code, String message,
                            String receipt) {
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        fields.put("destination", destination);
        fields.put("code", code);
        fields.put("message", message);
        if (receipt != null) {
            fields.put("receipt-id", receipt);
        }
        byte[] body = json.writeValueAsBytes(fields);
        connection.subscriptions().values().stream()
                .filter(s -> s.clientDestination().equals(ERRORS))
                .forEach(s -> s.deliverDirect(body, receipt == null ? Map.of() : Map.of("receipt-id", receipt)));
        return Mono.empty();
    }
}
