package io.livehall.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.livehall.IntegrationTest;
import io.livehall.realtime.RawStompClient.Frame;
import io.livehall.realtime.broker.Broker;
import io.livehall.showcase.live.LiveFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Chat, replay, per-user queues and presence, end to end through Redis, with raw STOMP clients (chat rooms are live sessions). */
class RealtimeFlowTest extends IntegrationTest {

    @Autowired
    Broker broker;

    @Test
    void chatReachesViewersWithItsStreamIdAndBannedWordsMasked() {
        String room = new LiveFixtures(http, db).liveRoom();
        String token = registerAndLogin(uniqueName("chatter"), "secret-123");
        try (RawStompClient viewer = RawStompClient.open(port); RawStompClient chatter = RawStompClient.open(port)) {
            viewer.connect(null);
            viewer.subscribe("c", "/topic/live/" + room + "/chat");
            chatter.connect(token);
            chatter.send("SEND", "{\"text\":\"这茶不错 赌博 hello\"}", "destination", "/app/live/" + room + "/chat");
            Frame message = viewer.expect("MESSAGE");
            assertThat(message.header("subscription")).isEqualTo("c");
            assertThat(message.header("destination")).isEqualTo("/topic/live/" + room + "/chat");
            assertThat(message.header("x-stream-id")).matches("\\d+-\\d+");
            assertThat(message.header("content-type")).isEqualTo("application/json");
            assertThat(message.body()).contains("\"text\":\"这茶不错 ** hello\"").contains("\"name\":\"测试用户\"");
        }
    }

    @Test
    void refusedSendsAreToldOnTheErrorQueueAndTheConnectionStays() {
        String room = uniqueName("room");
        try (RawStompClient guest = RawStompClient.open(port)) {
            guest.connect(null);
            guest.subscribe("e", "/user/queue/errors");
            guest.send("SEND", "{\"text\":\"hi\"}", "destination", "/app/live/" + room + "/chat", "receipt", "sent");
            Frame error = guest.expect("MESSAGE");
            assertThat(error.body()).contains("\"code\":\"unauthenticated\"");
            assertThat(error.header("receipt-id")).as("a refused SEND gets no RECEIPT; its error names it").isEqualTo("sent");
            guest.send("SUBSCRIBE", null, "id", "c", "destination", "/topic/live/" + room + "/chat", "receipt", "still-here");
            assertThat(guest.expect("RECEIPT").header("receipt-id")).isEqualTo("still-here");
            assertThat(guest.isClosed()).isFalse();
        }
    }

    @Test
    void limitsChatPerUser() {
        String room = new LiveFixtures(http, db).liveRoom();
        String token = registerAndLogin(uniqueName("spammer"), "secret-123");
        try (RawStompClient chatter = RawStompClient.open(port)) {
            chatter.connect(token);
            chatter.subscribe("e", "/user/queue/errors");
            for (int i = 0; i < 6; i++) {
                chatter.send("SEND", "{\"text\":\"msg " + i + "\"}", "destination", "/app/live/" + room + "/chat");
            }
            assertThat(chatter.expect("MESSAGE").body()).contains("\"code\":\"rate-limited\"");
        }
    }

    @Test
    void replaysWhatWasMissedThenGoesLiveWithoutGapsOrDuplicates() throws Exception {
        String room = uniqueName("room");
        String destination = "/topic/live/" + room + "/chat";
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            ids.add(broker.publish(destination, Map.of("text", "m" + i)).block());
        }
        try (RawStompClient late = RawStompClient.open(port)) {
            late.connect(null);
            late.send("SUBSCRIBE", null, "id", "r", "destination", destination, "x-replay-since", ids.get(0),
                    "receipt", "replayed");
            assertThat(late.expect("MESSAGE").header("x-stream-id")).isEqualTo(ids.get(1));
            assertThat(late.expect("MESSAGE").header("x-stream-id")).isEqualTo(ids.get(2));
            late.expect("RECEIPT");
            String live = broker.publish(destination, Map.of("text", "m4")).block();
            Frame fourth = late.expect("MESSAGE");
            assertThat(fourth.header("x-stream-id")).isEqualTo(live);
            assertThat(fourth.body()).contains("m4");
            assertThat(late.poll(Duration.ofMillis(300))).isNull();
        }
    }

    @Test
    void replayFromZeroDeliversTheWholeBuffer() {
        String destination = "/topic/live/" + uniqueName("room") + "/chat";
        broker.publish(destination, Map.of("text", "a")).block();
        broker.publish(destination, Map.of("text", "b")).block();
        try (RawStompClient client = RawStompClient.open(port)) {
            client.connect(null);
            client.send("SUBSCRIBE", null, "id", "r", "destination", destination, "x-replay-since", "0");
            assertThat(client.expect("MESSAGE").body()).contains("\"a\"");
            assertThat(client.expect("MESSAGE").body()).contains("\"b\"");
        }
    }

    @Test
    void replayLastDeliversOnlyTheNewestMessagesThenGoesLive() throws Exception {
        String destination = "/topic/live/" + uniqueName("room") + "/chat";
        for (int i = 1; i <= 5; i++) {
            broker.publish(destination, Map.of("text", "m" + i)).block();
        }
        try (RawStompClient viewer = RawStompClient.open(port)) {
            viewer.connect(null);
            viewer.send("SUBSCRIBE", null, "id", "r", "destination", destination, "x-replay-last", "2",
                    "receipt", "replayed");
            assertThat(viewer.expect("MESSAGE").body()).contains("\"m4\"");
            assertThat(viewer.expect("MESSAGE").body()).contains("\"m5\"");
            viewer.expect("RECEIPT");
            broker.publish(destination, Map.of("text", "m6")).block();
            assertThat(viewer.expect("MESSAGE").body()).contains("\"m6\"");
        }
    }

    /**
     * The instance's clock runs ahead of Redis's (stream ids are Redis's time): a live message published right after
     * the RECEIPT still arrives. (It used to be dropped as "already delivered" when its id was older than the
     * instance's clock at the SUBSCRIBE.)
     */
    @Test
    void liveMessagesArriveWhenTheInstancesClockIsAheadOfRedis() throws Exception {
        String destination = "/topic/live/" + uniqueName("room") + "/chat";
        broker.publish(destination, Map.of("text", "m1")).block();
        clock.advance(Duration.ofMinutes(1));
        try (RawStompClient viewer = RawStompClient.open(port)) {
            viewer.connect(null);
            viewer.send("SUBSCRIBE", null, "id", "r", "destination", destination, "x-replay-last", "1",
                    "receipt", "replayed");
            assertThat(viewer.expect("MESSAGE").body()).contains("\"m1\"");
            viewer.expect("RECEIPT");
            broker.publish(destination, Map.of("text", "m2")).block();
            assertThat(viewer.expect("MESSAGE").body()).contains("\"m2\"");
        } finally {
            clock.reset();
        }
    }

    @Test
    void replayLastOutOfRangeOrWithReplaySinceIsRefused() {
        String destination = "/topic/live/" + uniqueName("room") + "/chat";
        for (String[] replay : List.of(new String[] {"x-replay-last", "0"}, new String[] {"x-replay-last", "1001"},
                new String[] {"x-replay-last", "ten"})) {
            try (RawStompClient client = RawStompClient.open(port)) {
                client.connect(null);
                client.send("SUBSCRIBE", null, "id", "r", "destination", destination, replay[0], replay[1]);
                assertThat(client.expect("ERROR").header("message")).isEqualTo("Invalid x-replay-last");
            }
        }
        try (RawStompClient client = RawStompClient.open(port)) {
            client.connect(null);
            client.send("SUBSCRIBE", null, "id", "r", "destination", destination, "x-replay-last", "5",
                    "x-replay-since", "0");
            assertThat(client.expect("ERROR").header("message")).isEqualTo("Conflicting replay headers");
        }
    }

    @Test
    void userQueuesReachOnlyThatUsersConnections() throws Exception {
        String alice = uniqueName("alice");
        String aliceToken = registerAndLogin(alice, "secret-123");
        String bobToken = registerAndLogin(uniqueName("bob"), "secret-123");
        String aliceId = String.valueOf(db.sql("select id from app_user where username = :u").bind("u", alice)
                .map(row -> row.get(0, Long.class)).one().block());
        try (RawStompClient phone = RawStompClient.open(port); RawStompClient laptop = RawStompClient.open(port);
             RawStompClient bob = RawStompClient.open(port)) {
            for (RawStompClient c : List.of(phone, laptop)) {
                c.connect(aliceToken);
                c.subscribe("n", "/user/queue/notifications");
            }
            bob.connect(bobToken);
            bob.subscribe("n", "/user/queue/notifications");
            broker.publishToUser(aliceId, "notifications", Map.of("type", "live-started", "title", "直播开始了")).block();
            assertThat(phone.expect("MESSAGE").body()).contains("直播开始了");
            assertThat(laptop.expect("MESSAGE").header("destination")).isEqualTo("/user/queue/notifications");
            assertThat(bob.poll(Duration.ofMillis(500))).isNull();
        }
    }

    @Test
    void countsViewersAsTheyComeAndGo() {
        String room = new LiveFixtures(http, db).liveRoom();
        String viewers = "/topic/live/" + room + "/viewers";
        try (RawStompClient watcher = RawStompClient.open(port)) {
            watcher.connectAsGuest(guestPass()); // unique viewers count identified guests (and accounts)
            watcher.subscribe("v", viewers);
            assertThat(awaitViewers(watcher, 1)).contains("\"peak\":1");
            try (RawStompClient second = RawStompClient.open(port)) {
                second.connectAsGuest(guestPass());
                second.subscribe("c", "/topic/live/" + room + "/chat");
                assertThat(awaitViewers(watcher, 2)).contains("\"unique\":2");
            }
            assertThat(awaitViewers(watcher, 1)).contains("\"peak\":2");
        }
    }

    @Test
    void addsUpLikes() {
        String room = new LiveFixtures(http, db).liveRoom();
        try (RawStompClient client = RawStompClient.open(port)) {
            client.connectAsGuest(guestPass()); // likes need a signed guest id (or an account)
            client.subscribe("l", "/topic/live/" + room + "/likes");
            client.send("SEND", "{\"count\":3}", "destination", "/app/live/" + room + "/like");
            client.send("SEND", "{}", "destination", "/app/live/" + room + "/like");
            String last = "";
            while (!last.contains("\"total\":4")) {
                last = client.expect("MESSAGE").body();
            }
            assertThat(last).contains("\"room\":\"live:" + room + "\"");
        }
    }

    /** Waits (a few seconds at most: presence publishes twice a second) for a viewers update with this count. */
    private static String awaitViewers(RawStompClient client, int now) {
        long deadline = System.currentTimeMillis() + 8000;
        while (System.currentTimeMillis() < deadline) {
            Frame frame = client.next();
            if (frame.command().equals("MESSAGE") && frame.body().contains("\"now\":" + now + ",")) {
                return frame.body();
            }
        }
        throw new AssertionError("no viewers update with now=" + now);
    }
}
