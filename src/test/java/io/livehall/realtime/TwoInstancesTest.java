package io.livehall.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import io.livehall.IntegrationTest;
import io.livehall.realtime.RawStompClient.Frame;
import io.livehall.realtime.broker.Broker;
import io.livehall.showcase.live.LiveFixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two instances of the application on their own ports sharing one PostgreSQL and one Redis: instance A is
 * the shared test context, instance B the {@link SecondInstance}.
 */
class TwoInstancesTest extends IntegrationTest {

    private static int portB;

    @BeforeAll
    static void startSecondInstance() {
        portB = SecondInstance.port();
    }

    @Test
    void aMessageSentOnOneInstanceReachesSubscribersOfBothExactlyOnce() throws Exception {
        String room = new LiveFixtures(http, db).liveRoom();
        String chat = "/topic/live/" + room + "/chat";
        String token = registerAndLogin(uniqueName("sender"), "secret-123");
        try (RawStompClient onA = RawStompClient.open(port); RawStompClient onB = RawStompClient.open(portB);
             RawStompClient sender = RawStompClient.open(portB)) {
            subscribe(onA, chat);
            subscribe(onB, chat);
            sender.connect(token);
            sender.send("SEND", "{\"text\":\"跨实例\"}", "destination", "/app/live/" + room + "/chat");
            Frame a = onA.expect("MESSAGE");
            Frame b = onB.expect("MESSAGE");
            assertThat(a.body()).contains("跨实例");
            assertThat(b.header("x-stream-id")).isEqualTo(a.header("x-stream-id"));
            assertThat(onA.poll(Duration.ofMillis(500))).isNull();
            assertThat(onB.poll(Duration.ofMillis(100))).isNull();
        }
    }

    @Test
    void aUserQueueReachesTheUserOnTheOtherInstance() {
        String username = uniqueName("roamer");
        String token = registerAndLogin(username, "secret-123");
        String id = String.valueOf(db.sql("select id from app_user where username = :u").bind("u", username)
                .map(row -> row.get(0, Long.class)).one().block());
        try (RawStompClient onB = RawStompClient.open(portB)) {
            onB.connect(token);
            onB.send("SUBSCRIBE", null, "id", "n", "destination", "/user/queue/notifications", "receipt", "r");
            onB.expect("RECEIPT");
            brokerOfA.publishToUser(id, "notifications", Map.of("type", "meeting", "title", "对接会即将开始")).block();
            assertThat(onB.expect("MESSAGE").body()).contains("对接会即将开始");
        }
    }

    @Test
    void bothInstancesAgreeOnTheViewerCountWithinASecond() {
        String room = new LiveFixtures(http, db).liveRoom();
        String viewers = "/topic/live/" + room + "/viewers";
        try (RawStompClient onA = RawStompClient.open(port); RawStompClient onB = RawStompClient.open(portB)) {
            subscribe(onA, viewers);
            subscribe(onB, viewers);
            long deadline = System.currentTimeMillis() + 3000;
            String lastA = "";
            String lastB = "";
            while (System.currentTimeMillis() < deadline && !(lastA.contains("\"now\":2,") && lastB.contains("\"now\":2,"))) {
                Frame a = poll(onA);
                Frame b = poll(onB);
                lastA = a == null ? lastA : a.body();
                lastB = b == null ? lastB : b.body();
            }
            assertThat(lastA).contains("\"now\":2,");
            assertThat(lastB).contains("\"now\":2,");
        }
    }

    @org.springframework.beans.factory.annotation.Autowired
    private Broker brokerOfA;

    private static Frame poll(RawStompClient client) {
        try {
            return client.poll(Duration.ofMillis(100));
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void subscribe(RawStompClient client, String destination) {
        client.connect(null);
        client.subscribe("s", destination);
    }
}
