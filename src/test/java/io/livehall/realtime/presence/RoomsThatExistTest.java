package io.livehall.realtime.presence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import io.livehall.IntegrationTest;
import io.livehall.common.redis.RedisKeys;
import io.livehall.realtime.RawStompClient;
import io.livehall.showcase.live.LiveFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * Only rooms that a domain says exist are counted: made-up room ids (a guest subscribing to thousands of random
 * {@code /topic/.../viewers}) leave nothing in Redis, a room type nobody registered is an unknown destination, and a
 * real room's keys expire once nobody uses it.
 */
class RoomsThatExistTest extends IntegrationTest {

    @Autowired
    ReactiveStringRedisTemplate redis;

    @Test
    void aMadeUpLiveRoomLeavesNothingInRedis() {
        String room = String.valueOf(Long.MAX_VALUE - System.nanoTime() % 1_000_000); // no such live session
        try (RawStompClient guest = RawStompClient.open(port)) {
            guest.connect(null);
            guest.subscribe("v", "/topic/live/" + room + "/viewers");
            guest.subscribe("c", "/topic/live/" + room + "/chat");
        }
        assertThat(keysOf("live:" + room)).isZero();
        assertThat(redis.opsForSet().isMember(PresenceStore.ROOMS, "live:" + room).block()).isFalse();
    }

    @Test
    void aRoomTypeNoDomainRegisteredIsAnUnknownDestination() {
        try (RawStompClient guest = RawStompClient.open(port)) {
            guest.connect(null);
            guest.send("SUBSCRIBE", null, "id", "t", "destination", "/topic/fair/" + uniqueName("x") + "/viewers");
            assertThat(guest.expect("ERROR").header("message")).isEqualTo("Unknown destination");
        }
    }

    @Test
    void aRealRoomCountsAndItsKeysExpireWhenNobodyUsesIt() {
        String room = new LiveFixtures(http, db).liveRoom();
        try (RawStompClient guest = RawStompClient.open(port)) {
            guest.connectAsGuest(guestPass()); // a signed guest: counted among unique viewers too
            guest.subscribe("v", "/topic/live/" + room + "/viewers");
            assertThat(keysOf("live:" + room)).isGreaterThanOrEqualTo(4); // members, joined, unique, peak
            for (String part : new String[] {"members", "joined", "unique", "peak"}) {
                Long ttl = redis.getExpire(RedisKeys.of("presence", "live:" + room, part)).block(Duration.ofSeconds(5))
                        .toMillis();
                assertThat(ttl).as(part).isPositive().isLessThanOrEqualTo(PresenceStore.ROOM_TTL.toMillis());
            }
        }
    }

    private long keysOf(String room) {
        return redis.keys(RedisKeys.tagged("presence", room) + ":*").count().block(Duration.ofSeconds(5));
    }
}
