package io.livehall.realtime.stomp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.livehall.IntegrationTest;
import io.livehall.realtime.RawStompClient.Frame;
import io.livehall.realtime.RawStompClient;
import org.junit.jupiter.api.Test;

/** STOMP 1.2 rules of the /ws endpoint, frame by frame, with a raw WebSocket client. */
class StompProtocolTest extends IntegrationTest {

    @Test
    void echoesTheStompSubprotocol() {
        try (RawStompClient client = RawStompClient.open(port)) {
            assertThat(client.subprotocol()).isEqualTo("v12.stomp");
        }
    }

    @Test
    void choosesTheClientsFirstSpokenSubprotocolAndServesClientsThatOfferNone() {
        try (RawStompClient client = RawStompClient.open(port, null, "mqtt", "v11.stomp", "v12.stomp")) {
            assertThat(client.subprotocol()).isEqualTo("v11.stomp");
            assertThat(client.connect(null).command()).isEqualTo("CONNECTED");
        }
        try (RawStompClient client = RawStompClient.open(port, null, new String[0])) {
            assertThat(client.subprotocol()).isEmpty();
            assertThat(client.connect(null).command()).isEqualTo("CONNECTED");
        }
    }

    @Test
    void connectsAGuestWithVersionHeartbeatServerAndSession() {
        try (RawStompClient client = RawStompClient.open(port)) {
            client.send("CONNECT", null, "accept-version", "1.0,1.1,1.2", "host", "x", "heart-beat", "5000,20000");
            Frame connected = client.expect("CONNECTED");
            assertThat(connected.header("version")).isEqualTo("1.2");
            assertThat(connected.header("heart-beat")).isEqualTo("1000,1000");
            assertThat(connected.header("server")).startsWith("livehall/");
            assertThat(connected.header("session")).isNotBlank();
            assertThat(connected.header("user-name")).startsWith("anon-");
        }
    }

    @Test
    void acceptsTheStompCommandAndOlderVersions() {
        try (RawStompClient client = RawStompClient.open(port)) {
            client.send("STOMP", null, "accept-version", "1.1", "host", "x");
            assertThat(client.expect("CONNECTED").header("version")).isEqualTo("1.1");
        }
    }

    @Test
    void knowsTheUserFromTheBearerToken() {
        String username = uniqueName("stomp");
        String token = registerAndLogin(username, "secret-123");
        try (RawStompClient client = RawStompClient.open(port)) {
            String id = String.valueOf(db.sql("select id from app_user where username = :u").bind("u", username)
                    .map(row -> row.get(0, Long.class)).one().block());
            assertThat(client.connect(token).header("user-name")).as("the account's id").isEqualTo(id);
        }
    }

    @Test
    void refusesAForgedToken() {
        try (RawStompClient client = RawStompClient.open(port)) {
            client.send("CONNECT", null, "accept-version", "1.2", "host", "x", "Authorization", "Bearer not.a.jwt");
            assertThat(client.expect("ERROR").header("message")).isEqualTo("Authentication failed");
            client.awaitClose();
        }
    }

    @Test
    void wantsConnectFirst() {
        try (RawStompClient client = RawStompClient.open(port)) {
            client.send("SUBSCRIBE", null, "id", "1", "destination", "/topic/live/1/chat");
            assertThat(client.expect("ERROR").header("message")).isEqualTo("CONNECT expected");
            client.awaitClose();
        }
    }

    @Test
    void refusesUnsupportedVersions() {
        try (RawStompClient client = RawStompClient.open(port)) {
            client.send("CONNECT", null, "accept-version", "2.0", "host", "x");
            assertThat(client.expect("ERROR").header("message")).isEqualTo("Unsupported STOMP version");
            client.awaitClose();
        }
    }

    /** Issue 11 A5: the decoder's text ("No enum constant org.springframework…StompCommand.FROB") stays in the log. */
    @Test
    void closesOnAnUnknownCommandWithAFixedText() {
        try (RawStompClient client = RawStompClient.open(port)) {
            client.connect(null);
            client.send("FROB", null, "x", "y");
            Frame error = client.expect("ERROR");
            assertThat(error.header("message")).isEqualTo("不支持的命令");
            assertNoInternals(error);
            assertThat(client.awaitClose()).isEqualTo(1002);
        }
    }

    /** Issue 11 A5: "Illegal header: 'nocolon'. A header must be of the form …" and the like are not echoed. */
    @Test
    void closesOnAMalformedFrameWithAFixedText() {
        for (String frame : java.util.List.of("SEND\nnocolon\n\n\0", "SEND\ndest\\xination:/app/x\n\n\0")) {
            try (RawStompClient client = RawStompClient.open(port)) {
                client.connect(null);
                client.send(frame);
                Frame error = client.expect("ERROR");
                assertThat(error.header("message")).isEqualTo("帧格式错误");
                assertNoInternals(error);
                assertThat(client.awaitClose()).isEqualTo(1002);
            }
        }
    }

    private static void assertNoInternals(Frame error) {
        String text = error.headers() + error.body();
        assertThat(text).doesNotContainPattern("[a-z]+\\.[a-z]+\\.[A-Z]").doesNotContain("Exception")
                .doesNotContain("org.springframework").doesNotContain("No enum constant").doesNotContain("Illegal")
                .doesNotContain("nocolon");
        assertThat(error.body()).containsPattern("\\p{IsHan}");
    }

    @Test
    void closesOnAFrameOver64KiB() {
        try (RawStompClient client = RawStompClient.open(port)) {
            client.connect(null);
            client.send("SEND", "x".repeat(70_000), "destination", "/app/live/1/chat");
            assertThat(client.expect("ERROR").header("message")).isEqualTo("Frame too large");
            client.awaitClose();
        }
    }

    @Test
    void refusesUnknownAndForbiddenDestinations() {
        try (RawStompClient client = RawStompClient.open(port)) {
            client.connect(null);
            client.send("SUBSCRIBE", null, "id", "1", "destination", "/topic/nowhere");
            assertThat(client.expect("ERROR").header("message")).isEqualTo("Unknown destination");
            client.awaitClose();
        }
        try (RawStompClient client = RawStompClient.open(port)) {
            client.connect(null);
            client.send("SEND", "{}", "destination", "/topic/live/1/chat");
            assertThat(client.expect("ERROR").header("message")).isEqualTo("Unknown destination");
            client.awaitClose();
        }
    }

    @Test
    void keepsDashboardsForOrganisersAndAdmins() {
        String destination = "/topic/dashboard/showcase/overview"; // every organiser may watch the showcase
        try (RawStompClient guest = RawStompClient.open(port)) {
            guest.connect(null);
            guest.send("SUBSCRIBE", null, "id", "d", "destination", destination);
            assertThat(guest.expect("ERROR").header("message")).isEqualTo("Not allowed");
        }
        try (RawStompClient viewer = RawStompClient.open(port)) {
            viewer.connect(registerAndLogin(uniqueName("viewer"), "secret-123"));
            viewer.send("SUBSCRIBE", null, "id", "d", "destination", destination);
            assertThat(viewer.expect("ERROR").header("message")).isEqualTo("Not allowed");
        }
        String organiser = uniqueName("organiser");
        registerAndLogin(organiser, "secret-123");
        grantRoles(organiser, "ORGANISER");
        try (RawStompClient client = RawStompClient.open(port)) {
            client.connect(login(organiser, "secret-123"));
            client.send("SUBSCRIBE", null, "id", "d", "destination", destination, "receipt", "ok");
            // the receipt, and the dashboard's first snapshot (which may come first: it is sent as the subscription starts)
            List<Frame> frames = List.of(client.next(), client.next());
            assertThat(frames).extracting(Frame::command).containsExactlyInAnyOrder("RECEIPT", "MESSAGE");
            assertThat(frames).filteredOn(f -> f.command().equals("MESSAGE")).singleElement()
                    .satisfies(f -> assertThat(f.header("destination")).isEqualTo(destination));
        }
    }

    @Test
    void refusesClientAcknowledgement() {
        try (RawStompClient client = RawStompClient.open(port)) {
            client.connect(null);
            client.send("SUBSCRIBE", null, "id", "1", "destination", "/topic/live/1/chat", "ack", "client");
            assertThat(client.expect("ERROR").header("message")).isEqualTo("Only ack:auto is supported");
            client.awaitClose();
        }
    }

    @Test
    void limitsSubscriptionsPerConnection() {
        try (RawStompClient client = RawStompClient.open(port)) {
            client.connect(null);
            for (int i = 0; i < 100; i++) {
                client.send("SUBSCRIBE", null, "id", "s" + i, "destination", "/topic/live/limit-" + i + "/chat");
            }
            client.send("SUBSCRIBE", null, "id", "s100", "destination", "/topic/live/limit-x/chat");
            assertThat(client.expect("ERROR").header("message")).isEqualTo("Too many subscriptions");
            client.awaitClose();
        }
    }

    @Test
    void refusesADuplicateSubscriptionId() {
        try (RawStompClient client = RawStompClient.open(port)) {
            client.connect(null);
            client.send("SUBSCRIBE", null, "id", "a", "destination", "/topic/live/1/chat");
            client.send("SUBSCRIBE", null, "id", "a", "destination", "/topic/live/2/chat");
            assertThat(client.expect("ERROR").header("message")).startsWith("Duplicate subscription id");
        }
    }

    @Test
    void answersReceiptsAndDisconnectsWithOne() {
        try (RawStompClient client = RawStompClient.open(port)) {
            client.connect(null);
            client.send("SUBSCRIBE", null, "id", "1", "destination", "/topic/live/1/chat", "receipt", "r-1");
            assertThat(client.expect("RECEIPT").header("receipt-id")).isEqualTo("r-1");
            client.send("UNSUBSCRIBE", null, "id", "1", "receipt", "r-2");
            assertThat(client.expect("RECEIPT").header("receipt-id")).isEqualTo("r-2");
            client.send("DISCONNECT", null, "receipt", "bye");
            assertThat(client.expect("RECEIPT").header("receipt-id")).isEqualTo("bye");
            assertThat(client.awaitClose()).isEqualTo(1000);
        }
    }

    @Test
    void sendsHeartbeatsAndClosesASilentClient() {
        try (RawStompClient client = RawStompClient.open(port)) {
            client.send("CONNECT", null, "accept-version", "1.2", "host", "x", "heart-beat", "1000,1000");
            client.expect("CONNECTED");
            int code = client.awaitClose();
            assertThat(code).isEqualTo(1008);
            assertThat(client.heartbeats()).isGreaterThanOrEqualTo(1);
        }
    }

    @Test
    void answersABrokenHeaderWithAnError() {
        // found by FrameFuzzTest: an empty heart-beat header used to close the connection without an ERROR
        try (RawStompClient client = RawStompClient.open(port)) {
            client.connect(null);
            client.send("SEND\nheart-beat:\n\nnot json\0");
            assertThat(client.expect("ERROR").header("message")).isNotEqualTo("Internal error");
            client.awaitClose();
        }
    }

    @Test
    void staysHealthyForOthersAfterABadClient() {
        try (RawStompClient bad = RawStompClient.open(port)) {
            bad.send("\0\0garbage\n\n\0");
            bad.awaitClose();
        }
        try (RawStompClient good = RawStompClient.open(port)) {
            good.connect(null);
            good.send("SUBSCRIBE", null, "id", "1", "destination", "/topic/live/1/chat", "receipt", "ok");
            good.expect("RECEIPT");
        }
    }

    @Test
    void closesAWebSocketThatSendsNoConnectInTime() {
        // the test context's connect-timeout is 3 s (10 s by default)
        try (RawStompClient idle = RawStompClient.open(port)) {
            assertThat(idle.expect("ERROR").header("message")).isEqualTo("CONNECT expected");
            assertThat(idle.awaitClose()).isEqualTo(1002);
        }
    }

    @Test
    void pingsAClientThatSendsNoHeartbeats() {
        // the test context pings every 2 s a client that offers no heart-beats (RawStompClient says 0,0)
        try (RawStompClient client = RawStompClient.open(port)) {
            client.connect(null);
            org.awaitility.Awaitility.await("two pings answered").atMost(java.time.Duration.ofSeconds(10))
                    .until(() -> client.pings() >= 2);
            assertThat(client.isClosed()).as("a client that answers pings stays connected").isFalse();
        }
    }

    @Test
    void closesAClientThatSendsNoHeartbeatsAndAnswersNoPings() {
        // Reactor Netty's client with handlePing(true) hands pings to the test instead of answering them
        java.util.concurrent.atomic.AtomicInteger pings = new java.util.concurrent.atomic.AtomicInteger();
        io.netty.handler.codec.http.websocketx.WebSocketCloseStatus status = reactor.netty.http.client.HttpClient.create()
                .websocket(reactor.netty.http.client.WebsocketClientSpec.builder().protocols("v12.stomp").handlePing(true).build())
                .uri("ws://127.0.0.1:" + port + "/ws")
                .handle((in, out) -> {
                    in.receiveFrames().subscribe(frame -> {
                        if (frame instanceof io.netty.handler.codec.http.websocketx.PingWebSocketFrame) {
                            pings.incrementAndGet();
                        }
                    });
                    return out.sendString(reactor.core.publisher.Mono.just(
                                    "CONNECT\naccept-version:1.2\nhost:x\nheart-beat:0,0\n\n\0"))
                            .then()
                            .then(in.receiveCloseStatus());
                })
                .blockLast(java.time.Duration.ofSeconds(20));

        assertThat(pings.get()).isGreaterThanOrEqualTo(1);
        assertThat(status.code()).isEqualTo(1008);
    }

    @Test
    void aRefusedSendGetsNoReceiptButAnErrorCarryingItsReceiptId() throws InterruptedException {
        try (RawStompClient guest = RawStompClient.open(port)) {
            guest.connect(null);
            guest.subscribe("e", "/user/queue/errors");
            // chat needs an account: the handler refuses the guest's SEND
            guest.send("SEND", "{\"text\":\"你好\"}", "destination", "/app/live/1/chat", "receipt", "chat-1");

            Frame error = guest.expect("MESSAGE");
            assertThat(error.header("destination")).isEqualTo("/user/queue/errors");
            assertThat(error.header("receipt-id")).isEqualTo("chat-1");
            assertThat(error.body()).contains("\"receipt-id\":\"chat-1\"").contains("\"code\":\"unauthenticated\"");
            assertThat(guest.poll(java.time.Duration.ofMillis(300))).as("no RECEIPT for the refused SEND").isNull();
        }
    }
}
