package io.livehall.showcase.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.livehall.realtime.RawStompClient.Frame;
import io.livehall.realtime.RawStompClient;
import io.livehall.realtime.presence.Presence;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

/** The live room over STOMP: the pinned product, the status topic, presence figures kept at the end, chat gating. */
class LiveRoomRealtimeTest extends LiveTestSupport {

    @Autowired
    Presence presence;

    @Test
    void thePinnedProductReachesViewersLiveAndLateJoinersThroughTheGet() {
        Shop shop = shop("pin");
        String token = shop.merchant().user().token();
        long id = schedule(shop.merchant(), List.of(shop.tea(), shop.cup()));
        start(shop.merchant(), id);
        String pinned = "/api/merchant/live-sessions/" + id + "/pinned";
        try (RawStompClient viewer = RawStompClient.open(port)) {
            viewer.connect(null);
            viewer.subscribe("p", "/topic/live/" + id + "/pinned");

            call(HttpMethod.PUT, token, pinned, Map.of("productId", shop.tea())).expectStatus().isOk().expectBody()
                    .jsonPath("$.productId").isEqualTo(shop.tea())
                    .jsonPath("$.name").isEqualTo("东裕绿茶")
                    .jsonPath("$.priceFen").isEqualTo(12800);
            String body = awaitMessage(viewer, "\"productId\":" + shop.tea());
            assertThat(body).contains("\"name\":\"东裕绿茶\"").contains("\"priceFen\":12800")
                    .contains("\"sessionId\":" + id);

            get(null, "/api/live-sessions/" + id).expectStatus().isOk().expectBody()
                    .jsonPath("$.pinned.productId").isEqualTo(shop.tea())
                    .jsonPath("$.pinned.name").isEqualTo("东裕绿茶");
            try (RawStompClient late = RawStompClient.open(port)) {
                late.connect(null);
                late.send("SUBSCRIBE", null, "id", "p", "destination", "/topic/live/" + id + "/pinned");
                assertThat(late.expect("MESSAGE").body()).contains("\"productId\":" + shop.tea());
            }

            call(HttpMethod.PUT, token, pinned, Map.of("productId", shop.draft())).expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("productId");
            call(HttpMethod.PUT, token, pinned, Map.of("productId", shop.cup())).expectStatus().isOk();
            awaitMessage(viewer, "\"productId\":" + shop.cup());

            call(HttpMethod.DELETE, token, pinned, null).expectStatus().isNoContent();
            assertThat(awaitMessage(viewer, "null")).isEqualTo("null");
            get(null, "/api/live-sessions/" + id).expectBody().jsonPath("$.pinned").isEmpty();
        }
    }

    @Test
    void endingKeepsThePresenceFiguresAndTellsTheRoom() {
        Shop shop = shop("ending");
        long id = schedule(shop.merchant(), List.of(shop.tea()));
        start(shop.merchant(), id);
        String room = String.valueOf(id);
        try (RawStompClient a = RawStompClient.open(port); RawStompClient b = RawStompClient.open(port)) {
            a.connectAsGuest(guestPass());
            a.subscribe("s", "/topic/live/" + id + "/status");
            b.connectAsGuest(guestPass());
            b.subscribe("v", "/topic/live/" + id + "/viewers");
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                var v = presence.viewers("live", room).block();
                return v.now() == 2 && v.watchSeconds() >= 1;
            });

            post(shop.merchant().user().token(), "/api/merchant/live-sessions/" + id + "/end", null)
                    .expectStatus().isOk().expectBody()
                    .jsonPath("$.status").isEqualTo("ENDED")
                    .jsonPath("$.viewers.peak").isEqualTo(2)
                    .jsonPath("$.viewers.unique").isEqualTo(2);
            Map<String, Object> row = db.sql("""
                            select peak_viewers, unique_viewers, watch_seconds, pinned_product_id, ended_at
                            from live_session where id = :id""")
                    .bind("id", id).fetch().one().block();
            assertThat(row.get("peak_viewers")).isEqualTo(2);
            assertThat(row.get("unique_viewers")).isEqualTo(2L);
            assertThat((Long) row.get("watch_seconds")).isGreaterThanOrEqualTo(1L);
            assertThat(row.get("ended_at")).isNotNull();
            assertThat(awaitMessage(a, "\"status\":\"ENDED\"")).contains("\"sessionId\":" + id);
            get(null, "/api/live-sessions/" + id).expectBody()
                    .jsonPath("$.viewers.peak").isEqualTo(2)
                    .jsonPath("$.viewers.watchSeconds").isEqualTo(row.get("watch_seconds"));
        }
    }

    @Test
    void chatAndLikesAreRefusedUnlessTheRoomsSessionIsLive() {
        Shop shop = shop("gate");
        long id = schedule(shop.merchant(), List.of(shop.tea()));
        String token = fixtures().viewer("talker").token();
        try (RawStompClient chatter = RawStompClient.open(port)) {
            chatter.connect(token);
            chatter.subscribe("e", "/user/queue/errors");
            chatter.subscribe("c", "/topic/live/" + id + "/chat");
            for (String room : List.of(String.valueOf(id), "999999999", "not-a-session")) {
                chatter.send("SEND", "{\"text\":\"有人吗\"}", "destination", "/app/live/" + room + "/chat");
                assertThat(chatter.expect("MESSAGE").body()).contains("\"code\":\"not-live\"")
                        .contains("\"destination\":\"/app/live/" + room + "/chat\"");
                chatter.send("SEND", "{}", "destination", "/app/live/" + room + "/like");
                assertThat(chatter.expect("MESSAGE").body()).contains("\"code\":\"not-live\"");
            }

            start(shop.merchant(), id);
            chatter.send("SEND", "{\"text\":\"开播啦\"}", "destination", "/app/live/" + id + "/chat");
            Frame line = chatter.expect("MESSAGE");
            assertThat(line.header("destination")).isEqualTo("/topic/live/" + id + "/chat");
            assertThat(line.body()).contains("开播啦");

            post(shop.merchant().user().token(), "/api/merchant/live-sessions/" + id + "/end", null).expectStatus().isOk();
            chatter.send("SEND", "{\"text\":\"还在吗\"}", "destination", "/app/live/" + id + "/chat");
            assertThat(chatter.expect("MESSAGE").body()).contains("\"code\":\"not-live\"");
        }
    }

    /**
     * Issue 11 A3: a chat line with a control character, a bidi override or isolate, a lone surrogate or a line break
     * is refused on /user/queue/errors and never reaches the room; a clean line after them does.
     */
    @Test
    void chatRefusesUnstorableAndDeceptiveText() {
        Shop shop = shop("chattext");
        long id = schedule(shop.merchant(), List.of(shop.tea()));
        start(shop.merchant(), id);
        String token = fixtures().viewer("texter").token();
        try (RawStompClient chatter = RawStompClient.open(port)) {
            chatter.connect(token);
            chatter.subscribe("e", "/user/queue/errors");
            chatter.subscribe("c", "/topic/live/" + id + "/chat");
            for (String bad : List.of("\\u0000", "\\u0007", "\\u007f", "\\u0085", "\\u202e", "\\u2066", "\\ud800", "\\udc00",
                    "\\n")) {
                chatter.send("SEND", "{\"text\":\"坏" + bad + "话\"}", "destination", "/app/live/" + id + "/chat");
                Frame refusal = chatter.expect("MESSAGE");
                assertThat(refusal.header("destination")).as(bad).isEqualTo("/user/queue/errors");
                assertThat(refusal.body()).as(bad).contains("\"code\":\"invalid\"").containsPattern("发言.*(字符|换行)");
            }
            chatter.send("SEND", "{\"text\":\"好茶😀\"}", "destination", "/app/live/" + id + "/chat");
            Frame line = chatter.expect("MESSAGE");
            assertThat(line.header("destination")).isEqualTo("/topic/live/" + id + "/chat");
            assertThat(line.body()).contains("好茶😀");
        }
    }

    /** Reads MESSAGE frames until one's body contains {@code text} (other frames, e.g. current values, are skipped). */
    static String awaitMessage(RawStompClient client, String text) {
        for (int i = 0; i < 20; i++) {
            Frame frame = client.next();
            if (frame.command().equals("MESSAGE") && frame.body().contains(text)) {
                return frame.body();
            }
        }
        throw new AssertionError("no message containing " + text);
    }
}
