package io.livehall.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.reflect.Type;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.livehall.IntegrationTest;
import io.livehall.realtime.broker.Broker;
import io.livehall.showcase.live.LiveFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.reactor.netty.NettyWebServer;
import org.springframework.boot.web.server.reactive.context.ReactiveWebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.messaging.converter.JacksonJsonMessageConverter;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.util.ClassUtils;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;

/**
 * Spring's own STOMP client ({@link WebSocketStompClient} over the JSR-356 client of Tomcat) against our
 * server: CONNECT with a JWT, subscriptions with receipts, a SEND to {@code /app}, the per-user queues,
 * JSON payloads, and negotiated heart-beats (the test context offers 1 s) that keep an idle connection open.
 */
class SpringStompClientTest extends IntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Autowired
    Broker broker;

    @Autowired
    ApplicationContext context;

    private ThreadPoolTaskScheduler scheduler;
    private WebSocketStompClient stomp;
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();

    /**
     * Browsers ask for {@code v12.stomp}, Spring's client for no subprotocol: a handshake without one must work
     * after others negotiated one (it used to hang: the server reused the first handshake's subprotocol).
     */
    @BeforeEach
    void anotherClientNegotiatesASubprotocolFirst() {
        try (RawStompClient browserLike = RawStompClient.open(port)) {
            assertThat(browserLike.subprotocol()).isEqualTo("v12.stomp");
            browserLike.connect(null);
        }
    }

    @BeforeEach
    void createClient() {
        scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(2);
        scheduler.setThreadNamePrefix("stomp-client-");
        scheduler.initialize();
        stomp = new WebSocketStompClient(new StandardWebSocketClient());
        stomp.setMessageConverter(new JacksonJsonMessageConverter());
        stomp.setTaskScheduler(scheduler);
        stomp.setDefaultHeartbeat(new long[] {1000, 1000});
        stomp.setReceiptTimeLimit(WAIT.toMillis());
    }

    @AfterEach
    void stopClient() {
        stomp.stop();
        scheduler.shutdown();
        assertThat(failures).as("errors reported to the client's session handler").isEmpty();
    }

    @Test
    void tomcatsWebSocketClientOnTheTestClasspathLeavesTheAppReactiveOnNetty() {
        assertThat(ClassUtils.isPresent("org.apache.tomcat.websocket.WsWebSocketContainer", null)).isTrue();
        assertThat(WebApplicationType.deduce()).isEqualTo(WebApplicationType.REACTIVE);
        assertThat(context).isInstanceOf(ReactiveWebServerApplicationContext.class);
        assertThat(((ReactiveWebServerApplicationContext) context).getWebServer()).isInstanceOf(NettyWebServer.class);
    }

    @Test
    void aLoggedInUserChatsAndReceivesTheRoomAndItsOwnQueue() throws Exception {
        String username = uniqueName("spring");
        String token = registerAndLogin(username, "secret-123");
        String userId = String.valueOf(db.sql("select id from app_user where username = :u").bind("u", username)
                .map(row -> row.get(0, Long.class)).one().block());
        String room = new LiveFixtures(http, db).liveRoom(); // chat is open in live sessions only
        StompHeaders auth = new StompHeaders();
        auth.add("Authorization", "Bearer " + token);
        Connection c = connect(auth);
        assertThat(c.connected.getFirst("version")).isEqualTo("1.2");
        assertThat(c.connected.getFirst("user-name")).isNotBlank().doesNotStartWith("guest-");

        Inbox chat = c.subscribe("/topic/live/" + room + "/chat");
        Inbox viewers = c.subscribe("/topic/live/" + room + "/viewers");
        Inbox notifications = c.subscribe("/user/queue/notifications");
        assertThat(viewers.next().payload()).containsEntry("room", "live:" + room).containsEntry("now", 1);

        CompletableFuture<Void> sent = new CompletableFuture<>();
        StompSession.Receiptable send = c.session.send("/app/live/" + room + "/chat", Map.of("text", "你好，Spring 客户端"));
        send.addReceiptTask(() -> sent.complete(null));
        send.addReceiptLostTask(() -> sent.completeExceptionally(new AssertionError("no RECEIPT for the SEND")));
        sent.get(WAIT.toSeconds(), TimeUnit.SECONDS);

        Received line = chat.next();
        assertThat(line.payload()).containsEntry("text", "你好，Spring 客户端").containsEntry("userId", userId)
                .containsEntry("room", "live:" + room);
        assertThat(line.headers().getFirst("x-stream-id")).matches("\\d+-\\d+");
        assertThat(line.headers().getContentType()).hasToString("application/json");

        broker.publishToUser(userId, "notifications", Map.of("type", "order", "title", "订单已确认")).block(WAIT);
        assertThat(notifications.next().payload()).containsEntry("type", "order").containsEntry("title", "订单已确认");
    }

    @Test
    void aGuestsRefusedSendComesBackOnItsErrorQueueAndTheSessionStays() throws Exception {
        Connection c = connect(new StompHeaders());
        assertThat(c.connected.getFirst("user-name")).startsWith("anon-");
        Inbox errors = c.subscribe("/user/queue/errors");
        String room = new LiveFixtures(http, db).liveRoom(); // chat is open in live sessions only
        c.session.send("/app/live/" + room + "/chat", Map.of("text", "游客想说话"));
        assertThat(errors.next().payload()).containsEntry("code", "unauthenticated")
                .containsEntry("destination", "/app/live/" + room + "/chat");
        assertThat(c.session.isConnected()).isTrue();
    }

    @Test
    void negotiatedHeartBeatsKeepAnIdleConnectionOpen() throws Exception {
        Connection c = connect(new StompHeaders());
        assertThat(c.connected.getHeartbeat()).containsExactly(1000, 1000);
        // the server drops a client silent for 2 s, the client a server silent for 3 s: idle for 4 s
        await("idle connection stays open").during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(6))
                .until(c.session::isConnected);
        c.subscribe("/topic/live/" + uniqueName("room") + "/likes"); // and still answers with a RECEIPT
    }

    private record Received(StompHeaders headers, Map<String, Object> payload) {
    }

    /** Messages of one subscription, in order. */
    private final class Inbox {
        private final BlockingQueue<Received> messages = new LinkedBlockingQueue<>();

        Received next() throws InterruptedException {
            Received message = messages.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(message).as("a message within %s", WAIT).isNotNull();
            return message;
        }
    }

    private final class Connection {
        final StompSession session;
        final StompHeaders connected;

        Connection(StompSession session, StompHeaders connected) {
            this.session = session;
            this.connected = connected;
        }

        /** Subscribes and waits for the RECEIPT. */
        Inbox subscribe(String destination) throws Exception {
            Inbox inbox = new Inbox();
            CompletableFuture<Void> receipt = new CompletableFuture<>();
            StompSession.Subscription subscription = session.subscribe(destination, new StompFrameHandler() {
                @Override
                public Type getPayloadType(StompHeaders headers) {
                    return Map.class;
                }

                @Override
                @SuppressWarnings("unchecked")
                public void handleFrame(StompHeaders headers, Object payload) {
                    inbox.messages.add(new Received(headers, (Map<String, Object>) payload));
                }
            });
            subscription.addReceiptTask(() -> receipt.complete(null));
            subscription.addReceiptLostTask(() -> receipt.completeExceptionally(new AssertionError("no RECEIPT for " + destination)));
            receipt.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            return inbox;
        }
    }

    private Connection connect(StompHeaders connectHeaders) throws Exception {
        CompletableFuture<StompHeaders> connected = new CompletableFuture<>();
        StompSession session = stomp.connectAsync("ws://127.0.0.1:{port}/ws", new WebSocketHttpHeaders(), connectHeaders,
                new StompSessionHandlerAdapter() {
                    @Override
                    public void afterConnected(StompSession session, StompHeaders headers) {
                        connected.complete(headers);
                    }

                    @Override
                    public void handleException(StompSession session, StompCommand command, StompHeaders headers,
                                                byte[] payload, Throwable exception) {
                        failures.add(exception);
                    }

                    @Override
                    public void handleTransportError(StompSession session, Throwable exception) {
                        failures.add(exception);
                    }
                }, port).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        session.setAutoReceipt(true);
        return new Connection(session, connected.get(WAIT.toSeconds(), TimeUnit.SECONDS));
    }
}
