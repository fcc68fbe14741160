package io.livehall.realtime.presence;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import io.livehall.common.instance.InstanceRegistry;
import io.livehall.common.redis.RedisKeys;
import io.livehall.common.redis.RedisScripts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Presence in Redis, every change of a room atomic through Lua ({@code redis/presence-*.lua}, their shared functions
 * and the list of a room's keys in {@code presence-lib.lua}). Per room, under the room's hash tag: a sorted set
 * {@code <instance>/<connection>} → last refresh (members older than the window are swept), a hash member → join
 * time (watch time), a HyperLogLog of viewers (unique), the peak and the finished watch time, and per instance its
 * members here and its lease (last sign of life here). All of them expire {@link #ROOM_TTL} after the room was last
 * used, so rooms nobody visits any more do not stay in Redis.
 * <p>
 * An instance's members count while its lease in the room is fresh ({@link PresenceSettings#lease()}, renewed every
 * {@link PresenceSettings#beatEvery()} by {@link #beat}): a crashed instance's viewers stop counting when its lease
 * runs out, seconds after the crash, although the window sweeps them only later. A count becomes the peak only for
 * the instances that gave a sign of life after it was taken (in the order of the room's own clock, a counter, so
 * instances' wall clocks do not matter): the part of a dead instance, whose viewers may already be counted again
 * through another instance, never raises the peak. The lease lives in the room's slot rather than being the
 * instance's own {@code livehall:instance:{<id>}:alive} key, because a script may only touch the keys of one slot
 * (Redis Cluster).
 * <p>
 * The index of rooms in use ({@link #ROOMS}) is a key of its own (not in the room's slot), kept with plain commands:
 * each instance adds its rooms to it on every refresh and a refresh that finds a room empty removes it, so an index
 * entry lost to a race comes back within one refresh interval.
 */
@Component
class PresenceStore {

    /**
     * How long a member stays in the sorted set after its last refresh: four refresh intervals, so a busy instance
     * may miss three. Counting does not wait for it (the lease is shorter); it bounds what a lost leave leaves behind.
     */
    static final Duration WINDOW = Duration.ofSeconds(20);
    /** How long a room's figures stay after the last member left (the domain stores them when the session ends). */
    static final Duration ROOM_TTL = Duration.ofDays(2);
    static final String ROOMS = RedisKeys.global("presence", "rooms");
    /** The parts of a room's keys, in the order every presence script takes them (presence-lib.lua). */
    static final List<String> PARTS = List.of("members", "joined", "unique", "peak", "watched-ms", "counts", "leases",
            "signs", "peak-pending", "clock", "lapsed");

    private static final RedisScript<Long> JOIN = RedisScripts.load("presence-join", Long.class);
    private static final RedisScript<Long> LEAVE = RedisScripts.load("presence-leave", Long.class);
    private static final RedisScript<Long> BEAT = RedisScripts.load("presence-beat", Long.class);
    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> REFRESH = RedisScripts.load("presence-refresh", List.class);
    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> STATS = RedisScripts.load("presence-stats", List.class);

    /**
     * What a refresh did: members swept, members left, whether the count fell without a leave (sweep, lapsed lease),
     * and the given members Redis did not have (to join again).
     */
    record Refreshed(long swept, long left, boolean fell, List<String> missing) {
    }

    private final ReactiveStringRedisTemplate redis;
    private final Clock clock;
    private final String instance;
    private final String lease;
    private final String slot;

    @Autowired
    PresenceStore(ReactiveStringRedisTemplate redis, Clock clock, InstanceRegistry instances, PresenceSettings settings) {
        this(redis, clock, instances.id(), settings);
    }

    /** The store of the given instance (tests play several instances, some of them dead, with one Redis). */
    PresenceStore(ReactiveStringRedisTemplate redis, Clock clock, String instance, PresenceSettings settings) {
        this.redis = redis;
        this.clock = clock;
        this.instance = instance;
        this.lease = Long.toString(settings.lease().toMillis());
        this.slot = Long.toString(settings.beatEvery().toMillis());
    }

    Mono<Long> join(Room room, String member, String viewer) {
        return redis.execute(JOIN, keys(room), List.of(instance, member, now(), viewer, lease, slot, ttl()))
                .next()
                .flatMap(n -> redis.opsForSet().add(ROOMS, room.key()).thenReturn(n));
    }

    Mono<Long> leave(Room room, String member) {
        return redis.execute(LEAVE, keys(room), List.of(instance, member, now(), ttl())).next();
    }

    /** Renews this instance's lease in a room it has members in; answers whether the count fell (a lease lapsed). */
    Mono<Boolean> beat(Room room) {
        return redis.execute(BEAT, keys(room), List.of(instance, now(), lease, slot, ttl())).next().map(fell -> fell == 1);
    }

    /** Refreshes the given members of a room and sweeps expired ones; an empty room leaves the index. */
    @SuppressWarnings("unchecked")
    Mono<Refreshed> refresh(Room room, Collection<String> localMembers) {
        List<String> args = new ArrayList<>(List.of(instance, now(), Long.toString(WINDOW.toMillis()), lease, slot, ttl()));
        args.addAll(localMembers);
        return redis.execute(REFRESH, keys(room), args)
                .next()
                .map(values -> {
                    List<Object> v = (List<Object>) values;
                    List<String> missing = v.subList(3, v.size()).stream().map(PresenceStore::text).toList();
                    return new Refreshed(((Number) v.get(0)).longValue(), ((Number) v.get(1)).longValue(),
                            ((Number) v.get(2)).longValue() == 1, missing);
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
        return redis.execute(STATS, keys(room), List.of(now(), lease, slot, ttl()))
                .next()
                .map(values -> {
                    List<Long> v = (List<Long>) (List<?>) values;
                    // the peak is the confirmed one: a count that includes a crashed instance's lapsing members is not
                    return new Viewers(room.key(), v.get(0), v.get(1), v.get(2), v.get(3) / 1000,
                            Instant.ofEpochMilli(clock.millis()));
                });
    }

    /** Deletes a room's figures and members (all under its hash tag). */
    Mono<Void> clear(Room room) {
        return redis.delete(keys(room).toArray(String[]::new)).then();
    }

    Flux<Room> activeRooms() {
        return redis.opsForSet().members(ROOMS).map(Room::parse);
    }

    private static String ttl() {
        return Long.toString(ROOM_TTL.toMillis());
    }

    private String now() {
        return Long.toString(clock.millis());
    }

    /** This instance's id, which its members carry in the room's sorted set. */
    String instance() {
        return instance;
    }

    private static List<String> keys(Room room) {
        return PARTS.stream().map(room::redisKey).toList();
    }
}
