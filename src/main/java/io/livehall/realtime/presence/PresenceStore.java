package io.livehall.realtime.presence;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import io.livehall.common.redis.RedisKeys;
import io.livehall.common.redis.RedisScripts;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Presence in Redis, every change of a room atomic through Lua ({@code redis/presence-*.lua}). Per room, under the
 * room's hash tag: a sorted set member → last refresh (members older than the window do not count and are swept), a
 * hash member → join time (watch time), a HyperLogLog of viewers (unique), the peak and the finished watch time. All
 * of them expire {@link #ROOM_TTL} after the room was last used, so rooms nobody visits any more do not stay in Redis.
 * A crashed instance stops refreshing its members, so they leave within the window.
 * <p>
 * The index of rooms in use ({@link #ROOMS}) is a key of its own (not in the room's slot), kept with plain commands:
 * each instance adds its rooms to it on every refresh and a refresh that finds a room empty removes it, so an index
 * entry lost to a race comes back within one refresh interval.
 */
@Component
class PresenceStore {

    /**
     * How long a member counts after its last refresh: four refresh intervals, so a busy instance may miss
     * three; plus one interval until a sweep tells the topic, it stays within the design's 30 s for a crash.
     */
    static final Duration WINDOW = Duration.ofSeconds(20);
    /** How long a room's figures stay after the last member left (the domain stores them when the session ends). */
    static final Duration ROOM_TTL = Duration.ofDays(2);
    static final String ROOMS = RedisKeys.global("presence", "rooms");

    private static final RedisScript<Long> JOIN = RedisScripts.load("presence-join", Long.class);
    private static final RedisScript<Long> LEAVE = RedisScripts.load("presence-leave", Long.class);
    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> REFRESH = RedisScripts.load("presence-refresh", List.class);
    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> STATS = RedisScripts.load("presence-stats", List.class);

    /** What a refresh did: members swept, members left, and the given members Redis did not have (to join again). */
    record Refreshed(long swept, long left, List<String> missing) {
    }

    private final ReactiveStringRedisTemplate redis;
    private final Clock clock;

    PresenceStore(ReactiveStringRedisTemplate redis, Clock clock) {
        this.redis = redis;
        this.clock = clock;
    }

    Mono<Long> join(Room room, String member, String viewer) {
        return redis.execute(JOIN, List.of(members(room), joined(room), unique(room), peak(room), watched(room)),
                        List.of(member, now(), viewer, Long.toString(WINDOW.toMillis()), Long.toString(ROOM_TTL.toMillis())))
                .next()
                .flatMap(n -> redis.opsForSet().add(ROOMS, room.key()).thenReturn(n));
    }

    Mono<Long> leave(Room room, String member) {
        return redis.execute(LEAVE, List.of(members(room), joined(room), watched(room)), List.of(member, now())).next();
    }

    /** Refreshes the given members of a room and sweeps expired ones; an empty room leaves the index. */
    @SuppressWarnings("unchecked")
    Mono<Refreshed> refresh(Room room, Collection<String> localMembers) {
        List<String> args = new ArrayList<>(List.of(now(), Long.toString(WINDOW.toMillis()), Long.toString(ROOM_TTL.toMillis())));
        args.addAll(localMembers);
        return redis.execute(REFRESH, List.of(members(room), joined(room), watched(room), unique(room), peak(room)), args)
                .next()
                .map(values -> {
                    List<Object> v = (List<Object>) values;
                    List<String> missing = v.subList(2, v.size()).stream().map(PresenceStore::text).toList();
                    return new Refreshed(((Number) v.get(0)).longValue(), ((Number) v.get(1)).longValue(), missing);
                })
                .flatMap(r -> r.left() == 0 && localMembers.isEmpty()
                        ? redis.opsForSet().remove(ROOMS, room.key()).thenReturn(r)
                        : Mono.just(r));
    }

    private static String text(Object value) {
        return value instanceof byte[] bytes ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8) : value.toString();
    }

    /** Puts rooms this instance has members in (back) into the index. */
    Mono<Void> index(Collection<String> roomKeys) {
        return roomKeys.isEmpty() ? Mono.empty() : redis.opsForSet().add(ROOMS, roomKeys.toArray(String[]::new)).then();
    }

    @SuppressWarnings("unchecked")
    Mono<Viewers> stats(Room room) {
        return redis.execute(STATS, List.of(members(room), joined(room), watched(room), peak(room), unique(room)),
                        List.of(now(), Long.toString(WINDOW.toMillis())))
                .next()
                .map(values -> {
                    List<Long> v = (List<Long>) (List<?>) values;
                    return new Viewers(room.key(), v.get(0), Math.max(v.get(0), v.get(1)), v.get(2), v.get(3) / 1000,
                            Instant.ofEpochMilli(clock.millis()));
                });
    }

    /** Deletes a room's figures and members (all under its hash tag). */
    Mono<Void> clear(Room room) {
        return redis.delete(members(room), joined(room), unique(room), peak(room), watched(room)).then();
    }

    Flux<Room> activeRooms() {
        return redis.opsForSet().members(ROOMS).map(Room::parse);
    }

    private String now() {
        return Long.toString(clock.millis());
    }

    private static String members(Room room) {
        return room.redisKey("members");
    }

    private static String joined(Room room) {
        return room.redisKey("joined");
    }

    private static String unique(Room room) {
        return room.redisKey("unique");
    }

    private static String peak(Room room) {
        return room.redisKey("peak");
    }

    private static String watched(Room room) {
        return room.redisKey("watched-ms");
    }
}
