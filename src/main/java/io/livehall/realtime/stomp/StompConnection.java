package io.livehall.realtime.stomp;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import io.livehall.identity.RevokedAccess;
import io.livehall.realtime.broker.RealtimeUser;
import io.livehall.realtime.broker.UserDestinations;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.messaging.Message;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One STOMP 1.2 connection over one WebSocket: CONNECT first, then SUBSCRIBE / UNSUBSCRIBE / SEND /
 * DISCONNECT, RECEIPTs, heart-beats both ways, ERROR-then-close for anything malformed or not allowed.
 * Inbound frames are handled one at a time; outbound frames go through a bounded {@link Outbox}.
 */
final class StompConnection {

    private static final Log log = LogFactory.getLog(StompConnection.class);
    /** ERROR {@code message} for a frame that does not parse (StompDecoder looks commands up with valueOf). */
    static final String MALFORMED = "帧格式错误";
    static final String UNKNOWN_COMMAND = "不支持的命令";

    private final WebSocketSession ws;
    private final StompServices services;
    private final RealtimeSettings settings;
    private final String id = UUID.randomUUID().toString();
    private final FrameReader reader;
    private final Outbox<WebSocketMessage> outbox;
    private final Map<String, StompSubscription> subscriptions = new ConcurrentHashMap<>();
    private final AtomicBoolean closing = new AtomicBoolean();
    /** set when the connection is gone, before its subscriptions are dropped */
    private volatile boolean ended;
    private final java.util.concurrent.atomic.AtomicLong messageIds = new java.util.concurrent.atomic.AtomicLong();
    private volatile RealtimeUser user;
    /** the access token the connection was opened with (null for guests), and when it is checked again */
    private volatile TokenDetails token;
    private volatile long nextTokenCheck;
    private final long openedAt;
    private volatile long lastInbound;
    /** negotiated heart-beat intervals in ms (0 = none), and when the next one is due */
    private volatile long sendEvery;
    private volatile long expectEvery;
    private volatile long nextBeat;
    /** WebSocket ping interval for a client that sends no heart-beats (0 = it does), and when the next is due */
    private volatile long pingEvery;
    private volatile long nextPing;

    StompConnection(WebSocketSession ws, StompServices services) {
        this.ws = ws;
        this.services = services;
        this.settings = services.settings();
        this.reader = new FrameReader(settings.maxFrameBytes());
        this.openedAt = services.clock().millis();
        this.lastInbound = openedAt;
        this.outbox = new Outbox<>(settings.outboxLimits(), services.clock()::millis, this::toMessage, this::slowConsumer);
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
        Mono<Void> inbound = ws.receive()
                .doOnNext(message -> lastInbound = services.clock().millis())
                .filter(message -> message.getType() == WebSocketMessage.Type.TEXT
                        || message.getType() == WebSocketMessage.Type.BINARY)
                .map(StompConnection::copy).concatMap(this::onMessage, 1).then();
        Mono<Void> outbound = ws.send(outbox.flux());
        return Mono.firstWithSignal(inbound, outbound)
                .onErrorResume(e -> Mono.empty())
                .doFinally(signal -> cleanUp());
    }

    /**
     * Ends the connection after a last frame (ERROR, DISCONNECT's RECEIPT): the frame is queued, then after a
     * short linger, still reading, the WebSocket is closed with {@code status}. Closing at once with unread input
     * would make TCP reset the connection, which can discard the frame the client has not read yet.
     */
    private void endWith(byte[] lastFrame, CloseStatus status) {
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

    long nextMessageId() {
        return messageIds.incrementAndGet();
    }

    Outbox<WebSocketMessage> outbox() {
        return outbox;
    }

    // ---- inbound

    private static ByteBuffer copy(WebSocketMessage message) {
        ByteBuffer bytes = ByteBuffer.allocate(message.getPayload().readableByteCount());
        message.getPayload().toByteBuffer(bytes);
        return bytes;
    }

    private Mono<Void> onMessage(ByteBuffer bytes) {
        if (closing.get()) {
            return Mono.empty();
        }
        if (bytes.remaining() > settings.maxFrameBytes()) {
            return fail("Frame too large", "A frame may have at most " + settings.maxFrameBytes() + " bytes", null);
        }
        List<Message<byte[]>> frames;
        try {
            frames = reader.read(bytes);
        } catch (RuntimeException e) {
            // the decoder's own text names classes and echoes the input: it is logged, the client gets a fixed one
            log.debug("Undecodable frame on connection " + id, e);
            if (e instanceof IllegalArgumentException && !(e instanceof NumberFormatException)) {
                return fail(UNKNOWN_COMMAND, "仅支持 STOMP 1.2 的 CONNECT、STOMP、SUBSCRIBE、UNSUBSCRIBE、SEND、DISCONNECT", null);
            }
            return fail(MALFORMED, "无法解析该 STOMP 帧（命令行、头部或正文格式错误）", null);
        }
        Integer announced = reader.expectedContentLength();
        if (announced != null && announced > settings.maxFrameBytes()) {
            return fail("Frame too large", "content-length " + announced + " exceeds " + settings.maxFrameBytes(), null);
        }
        return Flux.fromIterable(frames).concatMap(this::onFrame, 1).then()
                .onErrorResume(e -> {
                    log.warn("Unexpected failure on connection " + id, e);
                    return fail("Internal error", "The server could not handle the frame", null);
                });
    }

    private Mono<Void> onFrame(Message<byte[]> frame) {
        if (closing.get()) {
            return Mono.empty();
        }
        StompHeaderAccessor headers = StompHeaderAccessor.wrap(frame);
        if (headers.getMessageType() == SimpMessageType.HEARTBEAT) {
            return Mono.empty();
        }
        StompCommand command = headers.getCommand();
        String receipt = headers.getReceipt();
        if (user == null) {
            if (command == StompCommand.CONNECT || command == StompCommand.STOMP) {
                return connect(headers);
            }
            return fail("CONNECT expected", "The first frame must be CONNECT or STOMP", receipt);
        }
        try {
            return switch (command) {
                case SUBSCRIBE -> services.subscriptions().subscribe(this, headers).then(receipt(receipt))
                        .onErrorResume(StompRefusal.class, refusal -> fail(refusal.getMessage(), refusal.detail(), receipt));
                case UNSUBSCRIBE -> services.subscriptions().unsubscribe(this, headers).then(receipt(receipt));
                // a SEND's RECEIPT comes only once it was handled; a refusal is told on /user/queue/errors instead
                case SEND -> services.sends().send(this, headers, frame.getPayload(), receipt);
                case DISCONNECT -> Mono.fromRunnable(() -> endWith(receipt == null ? null : Frames.receipt(receipt),
                        CloseStatus.NORMAL));
                case CONNECT, STOMP -> fail("Already connected", null, receipt);
                default -> fail(UNKNOWN_COMMAND, "不支持 ACK、NACK 与事务（BEGIN、COMMIT、ABORT）", receipt);
            };
        } catch (StompRefusal refusal) {
            return fail(refusal.getMessage(), refusal.detail(), receipt);
        }
    }

    private Mono<Void> connect(StompHeaderAccessor headers) {
        String version = negotiate(headers);
        if (version == null) {
            return fail("Unsupported STOMP version", "Supported versions are 1.2, 1.1 and 1.0", headers.getReceipt());
        }
        String authorization = headers.getFirstNativeHeader("Authorization");
        if (authorization == null) {
            authorization = headers.getFirstNativeHeader("authorization");
        }
        long[] client = headers.getHeartbeat();
        long offer = settings.heartbeat().toMillis();
        long sendEvery = client[1] > 0 ? Math.max(offer, client[1]) : 0;
        long expectEvery = client[0] > 0 ? Math.max(offer, client[0]) : 0;
        // a client that sends no heart-beats (or too seldom to tell a dead one in time) is pinged instead
        long pingEvery = expectEvery == 0 || expectEvery > settings.maxHeartbeat().toMillis()
                ? settings.pingInterval().toMillis() : 0;
        return services.authenticator().authenticate(authorization, headers.getPasscode(),
                        headers.getFirstNativeHeader(ConnectionAuthenticator.GUEST_HEADER))
                .flatMap(authenticated -> {
                    RealtimeUser u = authenticated.user();
                    token = authenticated.token() == null ? null : TokenDetails.of(authenticated.token());
                    user = u;
                    outbox.offer(Frames.connected(version, sendEvery == 0 ? 0 : offer, expectEvery == 0 ? 0 : offer,
                            id, u.id()));
                    long now = services.clock().millis();
                    // spread over the interval, so connections opened together are not checked together
                    this.nextTokenCheck = now + (long) (settings.tokenRecheck().toMillis() * (0.5 + Math.random()));
                    this.nextBeat = now + sendEvery;
                    this.sendEvery = sendEvery;
                    this.expectEvery = pingEvery > 0 ? 0 : expectEvery;
                    this.nextPing = now + pingEvery;
                    this.pingEvery = pingEvery;
                    return Mono.<Void>empty();
                })
                .onErrorResume(e -> fail("Authentication failed", "The access token is invalid, expired or revoked", null));
    }

    private static String negotiate(StompHeaderAccessor headers) {
        java.util.Set<String> accepted = headers.getAcceptVersion();
        if (accepted == null || accepted.isEmpty()) {
            return "1.0";
        }
        return Frames.versions().stream().filter(accepted::contains).findFirst().orElse(null);
    }

    /** Called by {@link ConnectionRegistry} every {@link ConnectionRegistry#HEARTBEAT_TICK}. */
    void heartbeatTick(long now) {
        if (closing.get()) {
            return;
        }
        if (user == null && now - openedAt > settings.connectTimeout().toMillis()) {
            endWith(Frames.error("CONNECT expected", "No CONNECT frame within " + settings.connectTimeout().toSeconds()
                    + " s", null), CloseStatus.PROTOCOL_ERROR);
            return;
        }
        TokenDetails t = token;
        if (t != null && t.expiresAtMillis() <= now) {
            endWith(Frames.error("token expired", "The access token has expired; connect again with a new one", null),
                    CloseStatus.POLICY_VIOLATION.withReason("token expired"));
            return;
        }
        if (t != null && now >= nextTokenCheck) {
            nextTokenCheck = now + settings.tokenRecheck().toMillis();
            recheckToken(t);
        }
        long send = sendEvery;
        if (send > 0 && now >= nextBeat) {
            nextBeat = now + send;
            outbox.offerLatest("\n", Frames.HEARTBEAT);
        }
        long ping = pingEvery;
        if (ping > 0 && now >= nextPing) {
            nextPing = now + ping;
            outbox.offerLatest("ping", Frames.PING);
        }
        long silentFor = expectEvery > 0 ? 2 * expectEvery : 2 * ping;
        if (silentFor > 0 && now - lastInbound > silentFor) {
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
        TokenDetails t = token;
        if (t == null || !t.revokedBy(revocation)) {
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
        sendEvery = 0;
        expectEvery = 0;
        pingEvery = 0;
        outbox.complete();
        services.subscriptions().unsubscribeAll(this);
        services.connections().remove(this);
    }

    static String utf8(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }
}
