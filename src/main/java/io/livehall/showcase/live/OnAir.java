package io.livehall.showcase.live;

import java.time.Duration;
import java.time.Instant;

import io.livehall.common.redis.RedisKeys;
import io.livehall.realtime.broker.Access;
import io.livehall.realtime.broker.Broker;
import io.livehall.realtime.broker.DestinationCatalog;
import io.livehall.realtime.broker.DestinationKind;
import io.livehall.showcase.ShowcaseDestinations;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Whether a room's session is on air, for the hot paths (every chat line and like) without a database read
 * each time: the status is cached in Redis for {@link #TTL}, written through on every transition and read
 * from PostgreSQL on a miss. Transitions are also published on {@code /topic/live/{id}/status} (latest value)
 * so open rooms start and stop the player without reloading.
 */
@Component
class OnAir {

    static final Duration TTL = Duration.ofSeconds(15);
    private static final String KEY = RedisKeys.global("live", "status:");
    private static final String NONE = "NONE";

    /** {@code /topic/live/{id}/status} payload. */
    record StatusEvent(long sessionId, LiveStatus status, Instant startedAt, Instant endedAt) {
    }

    private final LiveSessionRepository sessions;
    private final ReactiveStringRedisTemplate redis;
    private final Broker broker;

    OnAir(LiveSessionRepository sessions, ReactiveStringRedisTemplate redis, Broker broker, DestinationCatalog catalog) {
        this.sessions = sessions;
        this.redis = redis;
        this.broker = broker;
        catalog.register(ShowcaseDestinations.STATUS, DestinationKind.LATEST, Access.PUBLIC);
    }

    /** True when the room's id names a session that is live now. */
    Mono<Boolean> isLive(String liveId) {
        return status(liveId).map(LiveStatus.LIVE.name()::equals);
    }

    /** The session's status, {@code NONE} when there is no such session; cached. */
    private Mono<String> status(String liveId) {
        long id = parse(liveId);
        if (id <= 0) {
            return Mono.just(NONE);
        }
        String key = KEY + id;
        return redis.opsForValue().get(key)
                .switchIfEmpty(Mono.defer(() -> sessions.status(id).defaultIfEmpty(NONE)
                        .flatMap(status -> redis.opsForValue().set(key, status, TTL).thenReturn(status))));
    }

    /** True when the id names a live session of any status (scheduled, live, ended). */
    Mono<Boolean> exists(String liveId) {
        return status(liveId).map(status -> !NONE.equals(status));
    }

    /** After a committed transition: refresh the cache and tell open rooms. */
    Mono<Void> changed(LiveSession s) {
        return redis.opsForValue().set(KEY + s.id(), s.status().name(), TTL)
                .then(broker.publish(ShowcaseDestinations.STATUS.with(s.id()),
                        new StatusEvent(s.id(), s.status(), s.startedAt(), s.endedAt())))
                .then();
    }

    private static long parse(String liveId) {
        if (liveId == null || liveId.isEmpty() || liveId.length() > 18 || !liveId.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        return Long.parseLong(liveId);
    }
}
