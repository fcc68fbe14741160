package io.livehall.realtime.presence;

import java.time.Duration;
import java.util.Collection;
import java.util.List;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Presence in Redis, every change atomic through Lua. Per room: a sorted set member → last heartbeat
 * (members whose heartbeat is older than the window do not count and are swept), a hash member → join
 * time (for watch time), a HyperLogLog of viewers (unique), the peak and the finished watch time.
 * A crashed instance stops refreshing its members, so they leave within the window.
 */
@Component
class PresenceStore {

    /**
     * How long a member counts after its last refresh: four refresh intervals, so a busy instance may miss
     * three; plus one interval until a sweep tells the topic, it stays within the design's 30 s for a crash.
     */
    static final Duration WINDOW = Duration.ofSeconds(20);
    private static final String PREFIX = "livehall:presence:";
    static final String ROOMS = PREFIX + "rooms";

    private static final RedisScript<Long> JOIN = RedisScript.of("""
            redis.call('ZADD', KEYS[1], ARGV[2], ARGV[1])
            redis.call('HSETNX', KEYS[2], ARGV[1], ARGV[2])
            redis.call('PFADD', KEYS[3], ARGV[3])
            redis.call('SADD', KEYS[5], ARGV[5])
            local n = redis.call('ZCOUNT', KEYS[1], tonumber(ARGV[2]) - tonumber(ARGV[4]), '+inf')
            local peak = tonumber(redis.call('GET', KEYS[4]) or '0')
            if n > peak then redis.call('SET', KEYS[4], n) end
            return n
            """, Long.class);

    private static final RedisScript<Long> LEAVE = RedisScript.of("""
            local joined = redis.call('HGET', KEYS[2], ARGV[1])
            if joined then
              redis.call('INCRBY', KEYS[3], math.max(0, tonumber(ARGV[2]) - tonumber(joined)))
              redis.call('HDEL', KEYS[2], ARGV[1])
            end
            return redis.call('ZREM', KEYS[1], ARGV[1])
            """, Long.class);

    /**
     * Refreshes this instance's members (XX: never re-adds one that was swept), sweeps stale ones, and forgets
     * a room nobody is in any more (a join adds it again), so instances do not refresh every room ever used.
     */
    private static final RedisScript<Long> REFRESH_AND_SWEEP = RedisScript.of("""
            local now = tonumber(ARGV[1])
            for i = 4, #ARGV do redis.call('ZADD', KEYS[1], 'XX', now, ARGV[i]) end
            local stale = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', '(' .. (now - tonumber(ARGV[2])), 'WITHSCORES')
            for i = 1, #stale, 2 do
              local joined = redis.call('HGET', KEYS[2], stale[i])
              if joined then
                redis.call('INCRBY', KEYS[3], math.max(0, tonumber(stale[i + 1]) - tonumber(joined)))
                redis.call('HDEL', KEYS[2], stale[i])
              end
              redis.call('ZREM', KEYS[1], stale[i])
            end
            if redis.call('ZCARD', KEYS[1]) == 0 then redis.call('SREM', KEYS[4], ARGV[3]) end
            return #stale / 2
            """, Long.class);

    private static final RedisScript<List> STATS = RedisScript.of("""
            local now = tonumber(ARGV[1])
            local n = redis.call('ZCOUNT', KEYS[1], now - tonumber(ARGV[2]), '+inf')
            local watching = 0
            for _, joined in ipairs(redis.call('HVALS', KEYS[2])) do watching = watching + (now - tonumber(joined)) end
            local done = tonumber(redis.call('GET', KEYS[3]) or '0')
            return {n, tonumber(redis.call('GET', KEYS[4]) or '0'), redis.call('PFCOUNT', KEYS[5]), done + watching}
            """, List.class);

    private final ReactiveStringRedisTemplate redis;

    PresenceStore(ReactiveStringRedisTemplate redis) {
        this.redis = redis;
    }

    Mono<Long> join(Room room, String member, String viewer) {
        return redis.execute(JOIN, List.of(members(room), joined(room), unique(room), peak(room), ROOMS),
                List.of(member, now(), viewer, Long.toString(WINDOW.toMillis()), room.key())).next();
    }

    Mono<Long> leave(Room room, String member) {
        return redis.execute(LEAVE, List.of(members(room), joined(room), watched(room)), List.of(member, now())).next();
    }

    /** Refreshes the given members of a room and sweeps expired ones; answers how many were swept. */
    Mono<Long> refresh(Room room, Collection<String> localMembers) {
        List<String> args = new java.util.ArrayList<>(List.of(now(), Long.toString(WINDOW.toMillis()), room.key()));
        args.addAll(localMembers);
        return redis.execute(REFRESH_AND_SWEEP, List.of(members(room), joined(room), watched(room), ROOMS), args).next();
    }

    @SuppressWarnings("unchecked")
    Mono<Viewers> stats(Room room) {
        return redis.execute(STATS, List.of(members(room), joined(room), watched(room), peak(room), unique(room)),
                        List.of(now(), Long.toString(WINDOW.toMillis())))
                .next()
                .map(values -> {
                    List<Long> v = (List<Long>) (List<?>) values;
                    return new Viewers(room.key(), v.get(0), Math.max(v.get(0), v.get(1)), v.get(2), v.get(3) / 1000,
                            java.time.Instant.now());
                });
    }

    Flux<Room> activeRooms() {
        return redis.opsForSet().members(ROOMS).map(Room::parse);
    }

    /** At most one publish per room per interval across all instances. */
    Mono<Boolean> claimPublish(Room room, Duration interval) {
        return redis.opsForValue().setIfAbsent(PREFIX + room.key() + ":pub", "1", interval);
    }

    private static String now() {
        return Long.toString(System.currentTimeMillis());
    }

    private static String members(Room room) {
        return PREFIX + room.key() + ":members";
    }

    private static String joined(Room room) {
        return PREFIX + room.key() + ":joined";
    }

    private static String unique(Room room) {
        return PREFIX + room.key() + ":unique";
    }

    private static String peak(Room room) {
        return PREFIX + room.key() + ":peak";
    }

    private static String watched(Room room) {
        return PREFIX + room.key() + ":watched-ms";
    }
}
