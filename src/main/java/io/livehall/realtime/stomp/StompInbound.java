package io.livehall.realtime.stomp;

import java.nio.ByteBuffer;

import io.livehall.realtime.broker.RealtimeUser;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.messaging.Message;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketMessage;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The client's side of one {@link StompConnection}: decodes WebSocket messages into frames (one at a time), CONNECT
 * first, then dispatches SUBSCRIBE / UNSUBSCRIBE / SEND / DISCONNECT; anything malformed or not allowed is an ERROR
 * frame and the connection's end.
 */
final class StompInbound {

    private static final Log log = LogFactory.getLog(StompInbound.class);

    private final StompConnection connection;
    private final StompServices services;
    private final FrameReader reader;

    StompInbound(StompConnection connection, StompServices services) {
        this.connection = connection;
        this.services = services;
        this.reader = new FrameReader(services.settings().maxFrameBytes());
    }

    /** Copies each payload while it is delivered: Reactor Netty releases the pooled buffer when onNext returns. */
    static ByteBuffer copy(WebSocketMessage message) {
        ByteBuffer bytes = ByteBuffer.allocate(message.getPayload().readableByteCount());
        message.getPayload().toByteBuffer(bytes);
        return bytes;
    }

    Mono<Void> onMessage(ByteBuffer bytes) {
        if (connection.isClosing()) {
            return Mono.empty();
        }
        FrameReader.Decoded decoded = reader.decode(bytes, connection.id());
        if (decoded.refusal() != null) {
            return connection.fail(decoded.refusal().getMessage(), decoded.refusal().detail(), null);
        }
        return Flux.fromIterable(decoded.frames()).concatMap(this::onFrame, 1).then()
                .onErrorResume(e -> {
                    log.warn("Unexpected failure on connection " + connection.id(), e);
                    return connection.fail("Internal error", "The server could not handle the frame", null);
                });
    }

    private Mono<Void> onFrame(Message<byte[]> frame) {
        if (connection.isClosing()) {
            return Mono.empty();
        }
        StompHeaderAccessor headers = StompHeaderAccessor.wrap(frame);
        if (headers.getMessageType() == SimpMessageType.HEARTBEAT) {
            return Mono.empty();
        }
        StompCommand command = headers.getCommand();
        String receipt = headers.getReceipt();
        if (connection.user() == null) {
            if (command == StompCommand.CONNECT || command == StompCommand.STOMP) {
                return connect(headers);
            }
            return connection.fail("CONNECT expected", "The first frame must be CONNECT or STOMP", receipt);
        }
        try {
            return switch (command) {
                case SUBSCRIBE -> services.subscriptions().subscribe(connection, headers).then(connection.receipt(receipt))
                        .onErrorResume(StompRefusal.class,
                                refusal -> connection.fail(refusal.getMessage(), refusal.detail(), receipt));
                case UNSUBSCRIBE -> services.subscriptions().unsubscribe(connection, headers).then(connection.receipt(receipt));
                // a SEND's RECEIPT comes only once it was handled; a refusal is told on /user/queue/errors instead
                case SEND -> services.sends().send(connection, headers, frame.getPayload(), receipt);
                case DISCONNECT -> Mono.fromRunnable(() -> connection.endWith(
                        receipt == null ? null : Frames.receipt(receipt), CloseStatus.NORMAL));
                case CONNECT, STOMP -> connection.fail("Already connected", null, receipt);
                default -> connection.fail(FrameReader.UNKNOWN_COMMAND, "不支持 ACK、NACK 与事务（BEGIN、COMMIT、ABORT）", receipt);
            };
        } catch (StompRefusal refusal) {
            return connection.fail(refusal.getMessage(), refusal.detail(), receipt);
        }
    }

    private Mono<Void> connect(StompHeaderAccessor headers) {
        String version = Frames.negotiatedVersion(headers);
        if (version == null) {
            return connection.fail("Unsupported STOMP version", "Supported versions are 1.2, 1.1 and 1.0", headers.getReceipt());
        }
        String authorization = headers.getFirstNativeHeader("Authorization");
        if (authorization == null) {
            authorization = headers.getFirstNativeHeader("authorization");
        }
        return services.authenticator().authenticate(authorization, headers.getPasscode(),
                        headers.getFirstNativeHeader(ConnectionAuthenticator.GUEST_HEADER))
                .flatMap(authenticated -> {
                    RealtimeUser u = authenticated.user();
                    connection.connected(u, authenticated.token() == null ? null : TokenDetails.of(authenticated.token()),
                            version, headers.getHeartbeat());
                    return Mono.<Void>empty();
                })
                .onErrorResume(e -> connection.fail("Authentication failed",
                        "The access token is invalid, expired or revoked", null));
    }
}
