package io.livehall.realtime.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import io.livehall.ExtraInstance;
import io.livehall.IntegrationTest;
import io.livehall.ThrowawayRedis;
import io.livehall.realtime.RawStompClient;
import io.livehall.realtime.presence.Presence;
import io.livehall.showcase.live.LiveFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * Redis goes down under two instances sharing it and PostgreSQL (docs/operations.md "When Redis or PostgreSQL is
 * down"). The documented degradation: every message travels through Redis, so publishing fails (within the command
 * timeout) and nothing is delivered, but STOMP connections stay open (pinged and answering). After Redis returns
 * (empty: no persistence), cross-instance fan-out both ways and the presence count of viewers on both instances
 * recover within {@link #RECOVERS_WITHIN}, the clients never reconnecting.
 */
class RedisOutageRealtimeTest extends IntegrationTest {

    private static final int REDIS_PORT = 16302;
    /** reconnects at most 5 s apart (RedisConfig); pub/sub resubscribes then; presence rejoins on its 5 s refresh */
    private static final Duration RECOVERS_WITHIN = Duration.ofSeconds(15);

    @Autowired
    Environment shared;

    @Test
    void connectionsStayOpenWhileRedisIsDownAndFanOutAndPresenceRecover() throws Exception {
        String room = new LiveFixtures(http, db).liveRoom();
        String chat = "/topic/live/" + room + "/chat";
        try (ThrowawayRedis redis = ThrowawayRedis.start(REDIS_PORT);
             ExtraInstance a = ExtraInstance.start(shared, redis.url(), null, "--livehall.realtime.ping-interval=1s");
             ExtraInstance b = ExtraInstance.start(shared, redis.url(), null, "--livehall.realtime.ping-interval=1s");
             RawStompClient onA = RawStompClient.open(a.port());
             RawStompClient onB = RawStompClient.open(b.port())) {
            onA.connect(null);
            onA.subscribe("c", chat);
            onB.connect(null);
            onB.subscribe("c", chat);
            Presence presence = a.bean(Presence.class);
            await("both viewers counted").atMost(Duration.ofSeconds(10)).until(() -> viewers(presence, room) == 2);
            a.bean(Broker.class).publish(chat, "{\"text\":\"before\"}").block(Duration.ofSeconds(5));
            assertThat(onB.expect("MESSAGE").body()).contains("before");
            assertThat(onA.expect("MESSAGE").body()).contains("before");

            redis.stop();

            int pingsA = onA.pings();
            int pingsB = onB.pings();
            assertThatThrownBy(() -> a.bean(Broker.class).publish(chat, "{\"text\":\"lost\"}").block(Duration.ofSeconds(10)))
                    .as("publishing fails within the command timeout (5 s)").isNotInstanceOf(IllegalStateException.class);
            await("the connections stay open and are pinged").atMost(Duration.ofSeconds(5))
                    .until(() -> onA.pings() > pingsA + 1 && onB.pings() > pingsB + 1);
            assertThat(onA.isClosed()).isFalse();
            assertThat(onB.isClosed()).isFalse();

            redis.startAgain();
            long back = System.nanoTime();

            await("fan-out from A to B recovers").atMost(RECOVERS_WITHIN).ignoreExceptions()
                    .until(() -> delivered(a, onB, chat, "a-to-b"));
            await("fan-out from B to A recovers").atMost(RECOVERS_WITHIN).ignoreExceptions()
                    .until(() -> delivered(b, onA, chat, "b-to-a"));
            await("presence counts both viewers again").atMost(RECOVERS_WITHIN)
                    .until(() -> viewers(presence, room) == 2 && viewers(b.bean(Presence.class), room) == 2);
            System.out.printf("Redis back: fan-out and presence recovered after %d ms%n",
                    Duration.ofNanos(System.nanoTime() - back).toMillis());
            assertThat(onA.isClosed()).isFalse();
            assertThat(onB.isClosed()).isFalse();
        }
    }

    /** Publishes a message on {@code from} and reports whether {@code to} got it within a second. */
    private static boolean delivered(ExtraInstance from, RawStompClient to, String chat, String text) throws Exception {
        from.bean(Broker.class).publish(chat, "{\"text\":\"" + text + "\"}").block(Duration.ofSeconds(3));
        long until = System.nanoTime() + Duration.ofSeconds(1).toNanos();
        for (var frame = to.poll(Duration.ofSeconds(1)); frame != null; frame = to.poll(
                Duration.ofNanos(Math.max(0, until - System.nanoTime())))) {
            if (frame.command().equals("MESSAGE") && frame.body().contains(text)) {
                return true;
            }
        }
        return false;
    }

    private static long viewers(Presence presence, String room) {
        return presence.viewers("live", room).block(Duration.ofSeconds(5)).now();
    }
}
