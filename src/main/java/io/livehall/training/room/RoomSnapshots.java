package io.livehall.training.room;

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
 * Coalesced latest-value snapshots of a room's Q&A, polls and check-in (as presence does with viewers): a change marks
 * the room's topic dirty on the instance that made it; every 100 ms each dirty topic whose room may publish again
 * (a Redis {@code SET NX PX} per room and topic, shared by all instances) is read from PostgreSQL once and published
 * via {@link Broker#publish} (which fans out across instances). So a burst of 200 upvotes a second is one snapshot
 * per {@code publishInterval} per room, whichever instances took the votes; a topic whose slot is taken stays dirty
 * and goes out in the next slot, so the last change is never lost.
 */
@Component
class RoomSnapshots implements SmartLifecycle {

    private static final Duration TICK = Duration.ofMillis(100);

    private record Topic(DestinationPattern destination, LongFunction<Mono<?>> snapshot) {
    }

    private final Map<String, Topic> topics = new ConcurrentHashMap<>();
    private final Set<String> dirty = ConcurrentHashMap.newKeySet();
    private final Broker broker;
    private final ReactiveStringRedisTemplate redis;
    private final MeterRegistry meters;
    private final Duration interval;
    private volatile Periodic publisher;

    RoomSnapshots(Broker broker, ReactiveStringRedisTemplate redis, MeterRegistry meters, TrainingRoomSettings settings) {
        this.broker = broker;
        this.redis = redis;
        this.meters = meters;
        this.interval = settings.publishInterval();
    }

    /** A topic whose payload for a session is {@code snapshot.apply(sessionId)}; {@code name} keys its dirty marks. */
    void register(String name, DestinationPattern destination, LongFunction<Mono<?>> snapshot) {
        topics.put(name, new Topic(destination, snapshot));
    }

    /** The session's {@code name} topic changed: it is published within about {@code publishInterval}. */
    void changed(String name, long sessionId) {
        dirty.add(name + ":" + sessionId);
    }

    private Mono<Void> publishDirty() {
        return Flux.fromIterable(Set.copyOf(dirty)).flatMap(this::publish).then();
    }

    private Mono<Void> publish(String key) {
        int colon = key.indexOf(':');
        Topic topic = topics.get(key.substring(0, colon));
        long sessionId = Long.parseLong(key.substring(colon + 1));
        return redis.opsForValue()
                .setIfAbsent(RedisKeys.of("training-room", sessionId, "pub-" + key.substring(0, colon)), "1", interval)
                .flatMap(claimed -> {
                    if (!claimed) {
                        return Mono.empty();
                    }
                    // removed before reading, so a change made while reading marks it again
                    dirty.remove(key);
                    return topic.snapshot().apply(sessionId)
                            .flatMap(payload -> broker.publish(topic.destination().with(sessionId), payload))
                            .doOnSuccess(v -> meters.counter("livehall.training.room.snapshots", "topic",
                                    key.substring(0, colon)).increment())
                            .doOnError(e -> dirty.add(key))
                            .then();
                });
    }

    @Override
    public void start() {
        publisher = Periodic.start("training-room-snapshots", TICK, Duration.ofSeconds(10), meters, this::publishDirty);
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
