package io.livehall.common.instance;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;

import io.livehall.common.redis.RedisKeys;
import io.livehall.common.schedule.PeriodicJob;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Which application instances are alive. Each instance has a random id for its lifetime and keeps the key
 * {@code livehall:instance:{<id>}:alive} in Redis, with a TTL of {@code livehall.instance.ttl} (10 s) refreshed every
 * {@code refresh-every} (2 s) by a {@link PeriodicJob}. An instance killed with SIGKILL stops refreshing, and within
 * the TTL every other instance sees it dead; a graceful stop deletes the key at once. Work that an instance leaves
 * behind in shared state (e.g. the flash-deal gate's reservations) carries its id, so others can tell whether it
 * is still being done.
 * <p>
 * The key is written before the web server starts (this bean starts in an earlier lifecycle phase), so an instance
 * never serves a request while others would count it dead. An instance that cannot reach Redis for longer than the
 * TTL counts as dead for the others even though it runs; whatever relies on this must stay correct then
 * (PostgreSQL is the truth).
 */
@Component
public class InstanceRegistry extends PeriodicJob {

    private static final Log log = LogFactory.getLog(InstanceRegistry.class);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(3);

    private final ReactiveStringRedisTemplate redis;
    private final InstanceSettings settings;
    private final Clock clock;
    private final String id;

    InstanceRegistry(ReactiveStringRedisTemplate redis, InstanceSettings settings, Clock clock, MeterRegistry meters) {
        super(meters);
        this.redis = redis;
        this.settings = settings;
        this.clock = clock;
        byte[] random = new byte[6];
        new SecureRandom().nextBytes(random);
        this.id = HexFormat.of().formatHex(random);
    }

    /** This instance's id (12 hex digits, new at every start). */
    public String id() {
        return id;
    }

    /** How long after its last sign of life an instance counts as dead. */
    public Duration ttl() {
        return settings.ttl();
    }

    /** Whether the instance with this id said it was alive within the TTL (this instance always is). */
    public Mono<Boolean> isAlive(String instanceId) {
        if (id.equals(instanceId)) {
            return Mono.just(true);
        }
        return redis.hasKey(key(instanceId)).timeout(CALL_TIMEOUT);
    }

    static String key(String instanceId) {
        return RedisKeys.of("instance", instanceId, "alive");
    }

    private Mono<Boolean> sayAlive() {
        return redis.opsForValue().set(key(id), Long.toString(clock.millis()), settings.ttl()).timeout(CALL_TIMEOUT);
    }

    @Override
    protected Duration period() {
        return settings.refreshEvery();
    }

    @Override
    protected Duration timeout() {
        return settings.refreshEvery();
    }

    @Override
    protected Mono<?> runOnce() {
        return sayAlive();
    }

    /** Before the web server (and after the Redis connection factory): alive before the first request. */
    @Override
    public int getPhase() {
        return DEFAULT_PHASE - 10_000;
    }

    @Override
    public void start() {
        // on the starting thread, not an event loop: the instance must be registered before it takes any request
        try {
            sayAlive().block(CALL_TIMEOUT.plusSeconds(1));
        } catch (RuntimeException e) {
            log.warn("Registering instance " + id + " in Redis failed; the periodic refresh retries", e);
        }
        super.start();
    }

    @Override
    public void stop() {
        super.stop();
        try {
            redis.delete(key(id)).block(CALL_TIMEOUT.plusSeconds(1));
        } catch (RuntimeException e) {
            log.warn("Removing instance " + id + " from Redis failed; it expires within " + settings.ttl(), e);
        }
    }
}
