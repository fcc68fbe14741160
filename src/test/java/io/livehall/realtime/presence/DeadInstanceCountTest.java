package io.livehall.realtime.presence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import io.livehall.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * Presence with several instances on one real Redis, one of them dead (it stops renewing its lease: its members
 * stay in the room's sorted set, as after a SIGKILL). Each instance is a {@link PresenceStore} with its own id; time
 * is a clock the test moves, and each "second" the live instances beat as {@link Presence} does.
 */
class DeadInstanceCountTest extends IntegrationTest {

    private static final PresenceSettings SETTINGS = new PresenceSettings(Duration.ofSeconds(5), Duration.ofSeconds(1));
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @Autowired
    ReactiveStringRedisTemplate redis;

    private final Room room = new Room("live", "lease-" + System.nanoTime());
    /**
     * Starts when the test does (not when JUnit made the instance, maybe before the application started): the
     * application's own refresh, on the system's time, must never find these members older than its window.
     */
    private MovableClock time;

    @BeforeEach
    void startTime() {
        time = new MovableClock(Instant.now());
    }

    @AfterEach
    void clear() {
        store("any").clear(room).block(TIMEOUT);
        redis.opsForSet().remove(PresenceStore.ROOMS, room.key()).block(TIMEOUT);
    }

    @Test
    void aDeadInstancesViewersStopCountingOnceItsLeaseRunsOut() {
        PresenceStore dead = store("dead0000001");
        PresenceStore live = store("live0000001");
        join(dead, "d1", "d2", "d3");
        join(live, "l1", "l2");
        assertThat(stats().now()).isEqualTo(5);
        assertThat(stats().peak()).as("the dead one has not said it was alive when the live one counted 5").isEqualTo(3);
        dead.beat(room).block(TIMEOUT); // its last sign of life
        assertThat(stats().peak()).isEqualTo(5);

        // the dead instance never beats again; the live one beats every second
        boolean toldFell = false;
        for (int s = 1; s <= 6; s++) {
            time.advance(Duration.ofSeconds(1));
            toldFell |= live.beat(room).block(TIMEOUT);
            long expected = s <= 5 ? 5 : 2; // counted while its lease (5 s) is fresh, not after
            assertThat(stats().now()).as("after %d s", s).isEqualTo(expected);
        }
        assertThat(toldFell).as("the beat that saw the lease lapse says the count fell (the topic is told)").isTrue();
        assertThat(live.beat(room).block(TIMEOUT)).as("told once").isFalse();
        // the refresh sweeps them only later (the window), and that changes no count
        time.advance(PresenceStore.WINDOW);
        PresenceStore.Refreshed refreshed = live.refresh(room, List.of("l1", "l2")).block(TIMEOUT);
        assertThat(refreshed.swept()).isEqualTo(3);
        assertThat(refreshed.left()).isEqualTo(2);
        assertThat(stats().now()).isEqualTo(2);
        assertThat(stats().peak()).isEqualTo(5);
        everyKeyExpires();
    }

    @Test
    void viewersMovingFromADeadInstanceToALiveOneAreNeverCountedTwiceInThePeak() {
        PresenceStore dead = store("dead0000002");
        PresenceStore live = store("live0000002");
        join(dead, "d1", "d2", "d3");
        join(live, "l1", "l2");
        time.advance(Duration.ofSeconds(1));
        dead.beat(room).block(TIMEOUT);
        live.beat(room).block(TIMEOUT);
        assertThat(stats().peak()).isEqualTo(5);

        // the dead instance is SIGKILLed now; its three viewers reconnect through the live one half a second later
        time.advance(Duration.ofMillis(500));
        join(live, "d1-again", "d2-again", "d3-again");
        assertThat(stats().now()).as("counted twice while the lease is fresh").isEqualTo(8);
        for (int s = 1; s <= 8; s++) {
            time.advance(Duration.ofSeconds(1));
            live.beat(room).block(TIMEOUT);
            assertThat(stats().peak()).as("peak after %d s", s).isEqualTo(5);
        }
        assertThat(stats().now()).isEqualTo(5);

        // a real new viewer raises it at once (one live instance: nothing to wait for)
        join(live, "l3");
        assertThat(stats().peak()).isEqualTo(6);
        everyKeyExpires();
    }

    @Test
    void aSlowButLiveInstanceKeepsItsViewersAndConfirmsThePeakLate() {
        PresenceStore slow = store("slow0000003");
        PresenceStore fast = store("fast0000003");
        join(slow, "s1", "s2", "s3");
        join(fast, "f1");
        slow.beat(room).block(TIMEOUT);
        assertThat(stats().peak()).isEqualTo(4);

        // the slow instance's next beat comes 4.5 s later (within the 5 s lease); meanwhile the fast one gains a viewer
        time.advance(Duration.ofSeconds(1));
        fast.beat(room).block(TIMEOUT);
        join(fast, "f2");
        for (int s = 2; s <= 4; s++) {
            time.advance(Duration.ofSeconds(1));
            fast.beat(room).block(TIMEOUT);
            assertThat(stats().now()).isEqualTo(5);
            assertThat(stats().peak()).as("waits for the slow instance's sign").isEqualTo(4);
        }
        time.advance(Duration.ofMillis(500));
        slow.beat(room).block(TIMEOUT);
        assertThat(stats().peak()).as("confirmed by its late beat").isEqualTo(5);
        assertThat(stats().now()).isEqualTo(5);

        // slower than the lease: its viewers do not count meanwhile, but they are not dropped and count again
        for (int s = 1; s <= 7; s++) {
            time.advance(Duration.ofSeconds(1));
            fast.beat(room).block(TIMEOUT);
        }
        assertThat(stats().now()).isEqualTo(2);
        slow.beat(room).block(TIMEOUT);
        assertThat(stats().now()).isEqualTo(5);
        assertThat(slow.refresh(room, List.of("s1", "s2", "s3")).block(TIMEOUT).swept()).isZero();
        assertThat(redis.opsForZSet().size(room.redisKey("members")).block(TIMEOUT)).isEqualTo(5);
        assertThat(stats().peak()).isEqualTo(5);
    }

    @Test
    void leavesAndSweepsKeepEachInstancesCountExact() {
        PresenceStore a = store("aaaa0000004");
        PresenceStore b = store("bbbb0000004");
        join(a, "a1", "a2");
        join(b, "b1");
        join(a, "a1"); // the same connection twice is one member
        assertThat(a.leave(room, "a2").block(TIMEOUT)).isEqualTo(1);
        assertThat(a.leave(room, "a2").block(TIMEOUT)).isZero();
        assertThat(b.leave(room, "a1").block(TIMEOUT)).as("another instance's connection of the same name").isZero();
        assertThat(stats().now()).isEqualTo(2);
        assertThat(redis.opsForHash().entries(room.redisKey("counts")).collectMap(e -> e.getKey(), e -> e.getValue())
                .block(TIMEOUT)).containsOnly(Map.entry("aaaa0000004", "1"), Map.entry("bbbb0000004", "1"));
        assertThat(stats().peak()).isEqualTo(3);
        a.leave(room, "a1").block(TIMEOUT);
        b.leave(room, "b1").block(TIMEOUT);
        assertThat(stats().now()).isZero();
        everyKeyExpires();
    }

    /** Whatever the scripts wrote, every key of the room expires (ROOM_TTL) once nobody uses the room. */
    private void everyKeyExpires() {
        for (String part : PresenceStore.PARTS) {
            if (redis.hasKey(room.redisKey(part)).block(TIMEOUT)) {
                Duration ttl = redis.getExpire(room.redisKey(part)).block(TIMEOUT);
                assertThat(ttl).as("%s expires", part).isNotNull().isPositive();
            }
        }
    }

    private void join(PresenceStore instance, String... connections) {
        for (String connection : connections) {
            instance.join(room, connection, "viewer-" + connection).block(TIMEOUT);
        }
    }

    private Viewers stats() {
        return store("reader").stats(room).block(TIMEOUT);
    }

    private PresenceStore store(String instance) {
        return new PresenceStore(redis, time, instance, SETTINGS);
    }

    /** Time the test moves, only ever forward from the system's (the application's refreshes sweep nothing here). */
    private static final class MovableClock extends Clock {

        private volatile Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
