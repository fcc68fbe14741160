package io.livehall.realtime.presence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.livehall.IntegrationTest;
import io.livehall.realtime.RawStompClient.Frame;
import io.livehall.realtime.RawStompClient;
import io.livehall.realtime.SecondInstance;
import io.livehall.showcase.live.LiveFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * 200 guests on two instances join one room, then for a few rounds concurrently disconnect (abruptly or with
 * DISCONNECT), reconnect, unsubscribe and resubscribe, without waiting for the server between frames. The
 * viewers topic must never report an impossible count, and once the storm settles the count, in Redis and on
 * the topic of both instances, must be exactly the connections still in the room; 0 once everybody left, and
 * the empty room is dropped from the rooms the instances refresh.
 */
class ReconnectStormTest extends IntegrationTest {

    private static final int CONNECTIONS = 200;
    private static final int ROUNDS = 6;
    private static final Duration SETTLE = Duration.ofSeconds(10);

    @Autowired
    Presence presence;

    @Autowired
    ReactiveStringRedisTemplate redis;

    @Test
    void theCountIsExactOnceTheStormSettles() throws Exception {
        String room = new LiveFixtures(http, db).liveRoom(); // viewers count in rooms that exist
        int[] ports = {port, SecondInstance.port()};
        long seed = System.nanoTime();
        Random random = new Random(seed);
        List<Stormer> stormers = new ArrayList<>();
        for (int i = 0; i < CONNECTIONS; i++) {
            stormers.add(new Stormer(ports[i % 2], room, new Random(random.nextLong())));
        }
        ExecutorService pool = Executors.newFixedThreadPool(16);
        long started = System.nanoTime();
        try (ViewersWatcher onA = ViewersWatcher.watch(ports[0], room);
             ViewersWatcher onB = ViewersWatcher.watch(ports[1], room)) {
            int watchers = 2;
            forEach(pool, stormers, Stormer::join);
            awaitCount(room, CONNECTIONS + watchers, onA, onB);

            for (int round = 0; round < ROUNDS; round++) {
                forEach(pool, stormers, Stormer::storm);
            }
            forEach(pool, stormers, Stormer::sync); // every frame sent so far has been handled
            long inRoom = stormers.stream().filter(Stormer::inRoom).count();
            System.out.printf("storm (seed %d): %d of %d connections in the room after %d rounds%n",
                    seed, inRoom, CONNECTIONS, ROUNDS);
            awaitCount(room, inRoom + watchers, onA, onB);

            forEach(pool, stormers, Stormer::leave);
            awaitCount(room, watchers, onA, onB);
            for (ViewersWatcher watcher : List.of(onA, onB)) {
                assertThat(watcher.seen()).as("counts reported on the viewers topic (seed %d)", seed)
                        .allSatisfy(n -> assertThat(n).isBetween(1L, (long) CONNECTIONS + watchers));
            }
        } finally {
            stormers.forEach(Stormer::close);
            pool.shutdownNow();
        }
        await("nobody in the room").atMost(SETTLE).until(() -> now(room) == 0);
        await("the empty room is no longer refreshed").atMost(SETTLE)
                .until(() -> !redis.opsForSet().isMember(PresenceStore.ROOMS, "live:" + room).block(Duration.ofSeconds(5)));
        System.out.printf("storm took %d ms%n", Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    /** Redis and the topic on both instances agree on {@code expected}. */
    private void awaitCount(String room, long expected, ViewersWatcher... watchers) {
        await("viewers in Redis").atMost(SETTLE).untilAsserted(() -> assertThat(now(room)).isEqualTo(expected));
        for (ViewersWatcher watcher : watchers) {
            await("viewers on the topic").atMost(SETTLE)
                    .untilAsserted(() -> assertThat(watcher.latest()).isEqualTo(expected));
        }
        assertThat(now(room)).as("count stays %d", expected).isEqualTo(expected);
    }

    private long now(String room) {
        return presence.viewers("live", room).block(Duration.ofSeconds(5)).now();
    }

    private static void forEach(ExecutorService pool, List<Stormer> stormers, Consumer<Stormer> action) throws Exception {
        CompletableFuture.allOf(stormers.stream()
                        .map(s -> CompletableFuture.runAsync(() -> action.accept(s), pool))
                        .toArray(CompletableFuture[]::new))
                .get(60, TimeUnit.SECONDS);
    }

    /**
     * One guest connection and what the server will know of it once it has handled every frame sent: whether
     * it is connected and which of the room's topics it is subscribed to.
     */
    private static final class Stormer {

        private final int port;
        private final String viewers;
        private final String chat;
        private final Random random;
        private RawStompClient client;
        private boolean onViewers;
        private boolean onChat;
        private int syncs;

        Stormer(int port, String room, Random random) {
            this.port = port;
            this.viewers = "/topic/live/" + room + "/viewers";
            this.chat = "/topic/live/" + room + "/chat";
            this.random = random;
        }

        boolean inRoom() {
            return client != null && (onViewers || onChat);
        }

        void join() {
            connect();
            toggleViewers();
        }

        /** One to three random moves, sent back to back. */
        void storm() {
            for (int moves = 1 + random.nextInt(3); moves > 0; moves--) {
                if (client == null) {
                    connect();
                    if (random.nextBoolean()) {
                        toggleViewers();
                    }
                    if (random.nextBoolean()) {
                        toggleChat();
                    }
                    continue;
                }
                int move = random.nextInt(10);
                if (move < 2) {
                    close(); // abrupt: the socket is gone, no DISCONNECT
                } else if (move < 3) {
                    leave();
                } else if (move < 6) {
                    toggleViewers();
                } else {
                    toggleChat();
                }
            }
        }

        /** Waits until the server has handled every frame sent (a harmless frame with a receipt). */
        void sync() {
            if (client == null) {
                return;
            }
            String receipt = "sync-" + ++syncs;
            client.send("UNSUBSCRIBE", null, "id", "never-subscribed", "receipt", receipt);
            for (Frame frame = client.next(); ; frame = client.next()) {
                if (frame.command().equals("RECEIPT") && receipt.equals(frame.header("receipt-id"))) {
                    return;
                }
                assertThat(frame.command()).as("frame while syncing").isIn("MESSAGE", "RECEIPT");
            }
        }

        /** DISCONNECT, then the socket goes without waiting for the receipt. */
        void leave() {
            if (client != null) {
                client.send("DISCONNECT", null, "receipt", "bye");
                close();
            }
        }

        private void connect() {
            client = RawStompClient.open(port);
            client.connect(null);
            onViewers = false;
            onChat = false;
        }

        private void toggleViewers() {
            onViewers = toggle("v", viewers, onViewers);
        }

        private void toggleChat() {
            onChat = toggle("c", chat, onChat);
        }

        private boolean toggle(String id, String destination, boolean subscribed) {
            if (subscribed) {
                client.send("UNSUBSCRIBE", null, "id", id);
            } else {
                client.send("SUBSCRIBE", null, "id", id, "destination", destination);
            }
            return !subscribed;
        }

        void close() {
            if (client != null) {
                client.close();
                client = null;
            }
        }
    }
}
