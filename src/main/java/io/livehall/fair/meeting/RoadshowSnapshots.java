package io.livehall.fair.meeting;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongFunction;

import io.livehall.common.redis.RedisKeys;
import io.livehall.common.schedule.Periodic;
import io.livehall.realtime.broker.Broker;
import io.livehall.realtime.broker.DestinationPattern;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Coalesced latest-value snapshots of a roadshow's stage and Q&A: a change marks the fair's topic dirty on the instance
 * that made it; every 100 ms each dirty topic whose slot is free (a Redis {@code SET NX PX} per fair and topic, shared
 * by all instances) is read from PostgreSQL once and published. A burst of upvotes is one snapshot per interval; a
 * topic whose slot is taken stays dirty and goes out in the next one, so the last change is never lost.
 */
@Component
class RoadshowSnapshots implements SmartLifecycle {

    static final Duration INTERVAL = Duration.ofMillis(500);
    private static final Duration TICK = Duration.ofMillis(100);

    private record Topic(DestinationPattern destination, LongFunction<Mono<?>> snapshot) {
    }

    private final Map<String, Topic> topics = new ConcurrentHashMap<>();
    private final Set<String> dirty = ConcurrentHashMap.newKeySet();
    private final Broker broker;
    private final ReactiveStringRedisTemplate redis;
    private final MeterRegistry meters;
    private volatile Periodic publisher;

    RoadshowSnapshots(Broker broker, ReactiveStringRedisTemplate redis, MeterRegistry meters) {
        this.broker = broker;
        this.redis = redis;
        this.meters = meters;
    }

    void register(String name, DestinationPattern destination, LongFunction<Mono<?>> snapshot) {
        topics.put(name, new Topic(destination, snapshot));
    }

    /** The fair's {@code name} topic changed: published within about {@link #INTERVAL}. */
    void changed(String name, long fairId) {
        dirty.add(name + ":" + fairId);
    }

    private Mono<Void> publishDirty() {
        return Flux.fromIterable(Set.copyOf(dirty)).flatMap(this::publish).then();
    }

    private Mono<Void> publish(String key) {
        int colon = key.indexOf(':');
        String name = key.substring(0, colon);
        Topic topic = topics.get(name);
        long fairId = Long.parseLong(key.substring(colon + 1));
        return redis.opsForValue().setIfAbsent(RedisKeys.of("roadshow", fairId, "pub-" + name), "1", INTERVAL)
                .flatMap(claimed -> {
                    if (!claimed) {
                        return Mono.empty();
                    }
                    dirty.remove(key);
                    return topic.snapshot().apply(fairId)
                            .flatMap(payload -> broker.publish(topic.destination().with(fairId), payload))
                            .doOnError(e -> dirty.add(key))
                            .then();
                });
    }

    @Override
    public void start() {
        publisher = Periodic.start("roadshow-snapshots", TICK, Duration.ofSeconds(10), meters, this::publishDirty);
    }

    @Override
    public void stop() {
        Periodic p = publisher;
        if (p != null) {
            p.dispose();
        }
    }

    @Override
    public boolean isRunning() {
        Periodic p = publisher;
        return p != null && !p.isDisposed();
    }
}
