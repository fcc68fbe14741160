package io.livehall.realtime.presence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.livehall.IntegrationTest;
import io.livehall.realtime.RawStompClient;
import io.livehall.showcase.live.LiveFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * A crashed instance cannot say goodbye: its viewers must still leave the room's count within 30 s
 * (design: presence), both in Redis ({@link Presence#viewers}) and on the room's {@code viewers} topic that
 * the surviving instance's clients read. The other instance is a child JVM killed with SIGKILL.
 */
class KilledInstanceTest extends IntegrationTest {

    private static final Duration CRASH_FORGOTTEN_WITHIN = Duration.ofSeconds(30);

    @Autowired
    Presence presence;

    @Autowired
    Environment environment;

    @Test
    void viewersOfAKilledInstanceLeaveTheCountWithin30Seconds() throws Exception {
        String room = new LiveFixtures(http, db).liveRoom(); // viewers count in rooms that exist
        List<RawStompClient> onChild = new ArrayList<>();
        try (ChildInstance child = ChildInstance.start("killed-instance", environment);
             ViewersWatcher watcher = ViewersWatcher.watch(port, room)) {
            for (int i = 0; i < 3; i++) {
                RawStompClient viewer = RawStompClient.open(child.port());
                onChild.add(viewer);
                viewer.connect(null);
                viewer.subscribe("s" + i, "/topic/live/" + room + (i == 0 ? "/viewers" : "/chat"));
            }
            // 3 viewers on the child + the watcher on this instance
            await("the surviving instance sees 4 viewers").atMost(Duration.ofSeconds(5))
                    .until(() -> watcher.latest() == 4 && now(room) == 4);

            child.kill();
            long killedAt = System.nanoTime();
            await("Redis forgets the killed instance's viewers").atMost(left(killedAt)).until(() -> now(room) == 1);
            long inRedis = elapsed(killedAt).toMillis();
            await("the viewers topic reports it").atMost(left(killedAt)).until(() -> watcher.latest() == 1);
            System.out.printf("killed instance: viewers gone from Redis after %d ms, from the topic after %d ms%n",
                    inRedis, elapsed(killedAt).toMillis());
            assertThat(watcher.seen()).allSatisfy(n -> assertThat(n).isBetween(1L, 4L));
        } finally {
            onChild.forEach(RawStompClient::close);
        }
        await("nobody left once the watcher is gone").atMost(Duration.ofSeconds(5)).until(() -> now(room) == 0);
    }

    private long now(String room) {
        return presence.viewers("live", room).block(Duration.ofSeconds(5)).now();
    }

    private static Duration elapsed(long since) {
        return Duration.ofNanos(System.nanoTime() - since);
    }

    private static Duration left(long killedAt) {
        Duration left = CRASH_FORGOTTEN_WITHIN.minus(elapsed(killedAt));
        return left.isNegative() ? Duration.ofMillis(1) : left;
    }
}
