package io.livehall.realtime.stomp;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import io.livehall.identity.RevokedAccess;
import io.livehall.realtime.broker.RealtimeUser;
import io.livehall.realtime.broker.UserDestinations;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.publisher.Mono;

/**
 * One STOMP 1.2 connection over one WebSocket: CONNECT first, then SUBSCRIBE / UNSUBSCRIBE / SEND /
 * DISCONNECT, RECEIPTs, heart-beats both ways, ERROR-then-close for anything malformed or not allowed.
 * Inbound frames are handled one at a time ({@link StompInbound}); outbound frames go through a bounded
 * {@link Outbox}; this class keeps the session: its user and token, timers, and how it ends.
 */
final class StompConnection {

    private static final Log log = LogFactory.getLog(StompConnection.class);

    private final WebSocketSession ws;
    private final StompServices services;
    private final RealtimeSettings settings;
    private final String id = UUID.randomUUID().toString();
    private final StompInbound inbound;
    private final Outbox<WebSocketMessage> outbox;
    private final Map<String, StompSubscription> subscriptions = new ConcurrentHashMap<>();
    private final AtomicBoolean closing = new AtomicBoolean();
    /** set when the connection is gone, before its subscriptions are dropped */
    private volatile boolean ended;
    private final java.util.concurrent.atomic.AtomicLong messageIds = new java.util.concurrent.atomic.AtomicLong();
    private volatile RealtimeUser user;
    private final TokenWatch token = new TokenWatch();
    private final Liveness liveness;

    StompConnection(WebSocketSession ws, StompServices services) {
        this.ws = ws;
        this.services = services;
        this.settings = services.settings();
        this.inbound = new StompInbound(this, services);
        this.liveness = new Liveness(services.clock().millis());
        this.outbox = new Outbox<>(settings.outboxLimits(), services.clock()::millis, this::toMessage, this::slowConsumer)
                .measuredBy(services.metrics()::frameSent);
    }

    /** A WebSocket ping where the outbox holds {@link Frames#PING}, else the frame as text. */
    private WebSocketMessage toMessage(byte[] bytes) {
        if (bytes == Frames.PING) {
            return ws.pingMessage(factory -> factory.wrap(new byte[0]));
        }
        return new WebSocketMessage(WebSocketMessage.Type.TEXT, ws.bufferFactory().wrap(bytes));
    }

    String id() {
        return id;
    }

    RealtimeUser user() {
        return user;
    }

    Mono<Void> run() {
        services.connections().add(this);
        services.subscriptions().connected(this);
        // copy each payload while it is delivered: Reactor Netty releases the pooled buffer when onNext returns,
        // and concatMap may hold the message while an earlier frame is still being handled
        // any frame, a pong included, shows the client is alive; pings are answered by Reactor Netty
        Mono<Void> received = ws.receive()
                .doOnNext(message -> liveness.heard(services.clock().millis()))
                .filter(message -> message.getType() == WebSocketMessage.Type.TEXT
                        || message.getType() == WebSocketMessage.Type.BINARY)
                .map(StompInbound::copy).concatMap(inbound::onMessage, 1).then();
        Mono<Void> outbound = ws.send(outbox.flux());
        return Mono.firstWithSignal(received, outbound)
                .onErrorResume(e -> Mono.empty())
                .doFinally(signal -> cleanUp());
    }

    /**
     * Ends the connection after a last frame (ERROR, DISCONNECT's RECEIPT): the frame is queued, then after a
     * short linger, still reading, the WebSocket is closed with {@code status}. Closing at once with unread input
     * would make TCP reset the connection, which can discard the frame the client has not read yet.
     */
    void endWith(byte[] lastFrame, CloseStatus status) {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        if (lastFrame != null) {
            outbox.offer(lastFrame);
        }
        Mono.delay(CLOSE_LINGER)
                .then(Mono.defer(() -> ws.close(status)))
                .subscribe(v -> { }, e -> log.debug("Closing connection " + id + " failed", e));
    }

    private static final Duration CLOSE_LINGER = Duration.ofMillis(250);

    boolean isClosing() {
        return closing.get();
    }

    /** CONNECT was accepted: from now on frames are the user's; CONNECTED tells the negotiated version and heart-beats. */
    void connected(RealtimeUser u, TokenDetails details, String version, long[] clientHeartbeat) {
        long now = services.clock().millis();
        if (details != null) {
            token.start(details, now, settings.tokenRecheck());
        }
        user = u;
        Liveness.Announced beats = liveness.negotiate(clientHeartbeat, settings, now);
        outbox.offer(Frames.connected(version, beats.serverSends(), beats.serverExpects(), id, u.id()));
    }

    long nextMessageId() {
        return messageIds.incrementAndGet();
    }

    Outbox<WebSocketMessage> outbox() {
        return outbox;
    }

    /** Called by {@link ConnectionRegistry} every {@link ConnectionRegistry#HEARTBEAT_TICK}. */
    void heartbeatTick(long now) {
        if (closing.get()) {
            return;
        }
        if (user == null && liveness.connectOverdue(now, settings.connectTimeout().toMillis())) {
            endWith(Frames.error("CONNECT expected", "No CONNECT frame within " + settings.connectTimeout().toSeconds()
                    + " s", null), CloseStatus.PROTOCOL_ERROR);
            return;
        }
        if (token.expired(now)) {
            endWith(Frames.error("token expired", "The access token has expired; connect again with a new one", null),
                    CloseStatus.POLICY_VIOLATION.withReason("token expired"));
            return;
        }
        TokenDetails due = token.dueForRecheck(now, settings.tokenRecheck());
        if (due != null) {
            recheckToken(due);
        }
        if (liveness.beatDue(now)) {
            outbox.offerLatest("\n", Frames.HEARTBEAT);
        }
        if (liveness.pingDue(now)) {
            outbox.offerLatest("ping", Frames.PING);
        }
        if (liveness.silent(now)) {
            if (outbox.pending() > 0) {
                // frames (the ping among them) are waiting: the client is not reading at all
                slowConsumer();
            } else {
                log.debug("Closing silent connection " + id);
                services.metrics().silentConnectionClosed();
                close(CloseStatus.POLICY_VIOLATION.withReason("heart-beat timeout"));
            }
            return;
        }
        if (outbox.overdue(now)) {
            slowConsumer();
        }
    }

    // ---- outbound helpers

    Mono<Void> receipt(String receipt) {
        return receipt == null ? Mono.empty() : Mono.fromRunnable(() -> outbox.offer(Frames.receipt(receipt)));
    }

    /** ERROR frame, then close: the STOMP way to end a connection that broke a rule. */
    Mono<Void> fail(String message, String detail, String receipt) {
        return Mono.fromRunnable(() -> endWith(Frames.error(message, detail, receipt), CloseStatus.PROTOCOL_ERROR));
    }

    /** Ends the connection at once with a WebSocket close status (shutdown, slow consumer, silence). */
    void close(CloseStatus status) {
        if (closing.compareAndSet(false, true)) {
            ws.close(status).subscribe(v -> { }, e -> { });
        }
    }

    /**
     * Tokens were revoked (a logout of one token; a role change, approval or suspension: every token of the user below
     * a version): a connection opened with such a token gets ERROR "token revoked" and is closed, so it keeps no
     * rights the account no longer has. Answers whether it was.
     */
    boolean revokeIfMatches(RevokedAccess revocation) {
        if (!token.revokedBy(revocation)) {
            return false;
        }
        revoked();
        return true;
    }

    /**
     * Ends the connection after {@link #REVOCATION_GRACE}: the revocation reaches this instance on another Redis
     * connection than the messages queued before it (an approval's notification is queued, then the tokens are
     * revoked), and the client should get those first. HTTP refuses the token at once meanwhile.
     */
    private void revoked() {
        Mono.delay(REVOCATION_GRACE).subscribe(t -> endWith(
                Frames.error("token revoked", "The access token was revoked; log in again", null),
                CloseStatus.POLICY_VIOLATION.withReason("token revoked")));
    }

    static final Duration REVOCATION_GRACE = Duration.ofMillis(500);

    /**
     * Checks the token again as a new request would (signature and expiry are remembered, revocation is looked up):
     * the revocation events travel over Redis pub/sub, and one that was lost must not leave a connection its rights
     * until the token expires.
     */
    private void recheckToken(TokenDetails t) {
        services.authenticator().stillValid(t.value())
                .subscribe(valid -> {
                    if (!valid) {
                        revoked();
                    }
                }, e -> log.debug("Checking the token of connection " + id + " again failed; next time", e));
    }

    /** On shutdown: tell the client to reconnect elsewhere, then close with 1012 (service restart). */
    void serverRestarting() {
        endWith(Frames.error("server restarting", "The server is restarting; reconnect", null),
                CloseStatus.SERVICE_RESTARTED.withReason("server restarting"));
    }

    private void slowConsumer() {
        if (closing.get()) {
            return;
        }
        log.info("Dropping slow consumer " + id + " (" + outbox.pending() + " frames, " + outbox.pendingBytes()
                + " bytes waiting)");
        services.metrics().slowConsumerDropped();
        close(CloseStatus.POLICY_VIOLATION.withReason("slow consumer"));
    }

    Map<String, StompSubscription> subscriptions() {
        return subscriptions;
    }

    String userDestination(String clientDestination) {
        return UserDestinations.resolve(clientDestination, user.id());
    }

    /** True once the connection is gone: a subscription registered from now on is not dropped by its clean-up. */
    boolean ended() {
        return ended;
    }

    private void cleanUp() {
        ended = true;
        liveness.stop();
        outbox.complete();
        services.subscriptions().unsubscribeAll(this);
        services.connections().remove(this);
    }

    static String utf8(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }
}
