package io.livehall.realtime.broker;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import io.livehall.common.redis.RedisKeys;
import io.livehall.common.redis.RedisScripts;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The one way latest-value topics are coalesced across instances (presence's viewer counts, a training room's Q&A,
 * polls and check-in): a domain registers a topic kind ({@link #register}) and calls {@link Coalesced#changed} after
 * each change; publications go out at most once per window, at the window's start, aligned to the wall clock and
 * claimed by one instance ({@link Coalesced}). Per thing, under its hash tag: {@code livehall:coalesce:{<name>:<key>}:changed}
 * and {@code ...:window} ({@code redis/coalesce-claim.lua}). Windows are aligned to each instance's wall clock, so the
 * instances' clocks should agree (NTP) to well within a window.
 */
@Service
public class CoalescedPublisher implements SmartLifecycle {

    /** how long a mark or a claimed window is kept (a mark nobody claims in that time, e.g. all instances gone, is lost) */
    static final Duration KEEP = Duration.ofMinutes(1);

    private static final RedisScript<Long> CLAIM = RedisScripts.load("coalesce-claim", Long.class);

    private final Broker broker;
    private final ReactiveStringRedisTemplate redis;
    private final MeterRegistry meters;
    private final Map<String, Coalesced> topics = new ConcurrentHashMap<>();
    private volatile boolean running;

    CoalescedPublisher(Broker broker, ReactiveStringRedisTemplate redis, MeterRegistry meters) {
        this.broker = broker;
        this.redis = redis;
        this.meters = meters;
    }

    /**
     * A coalesced topic kind {@code name} (a word, unique): a thing's key → its destination and its payload now.
     * {@code window}: the least time between two publications of one thing (600 ms: at most two in any clock second,
     * with 200 ms to spare for delivery jitter); {@code phase}: where in the window publications go out (kinds that
     * share a room take different phases, so their fan-outs do not coincide); {@code lead}: how long before a window
     * starts its snapshot is read (more than a read usually takes).
     */
    public synchronized Coalesced register(String name, Duration window, Duration phase, Duration lead,
                                           Function<String, String> destination, Function<String, Mono<?>> snapshot) {
        if (!name.matches("[a-z0-9-]+")) {
            throw new IllegalArgumentException("A coalesced topic's name is a word: " + name);
        }
        Coalesced topic = new Coalesced(name, window, phase, lead, destination, snapshot, this::claim, broker::publish,
                Schedulers.parallel(), meters);
        if (topics.putIfAbsent(name, topic) != null) {
            throw new IllegalStateException("Two coalesced topics named " + name);
        }
        if (running) {
            topic.start();
        }
        return topic;
    }

    Mono<Coalesced.Claim> claim(String name, String key, long window, boolean changed) {
        String thing = name + ":" + key;
        return redis.execute(CLAIM, List.of(RedisKeys.of("coalesce", thing, "changed"), RedisKeys.of("coalesce", thing, "window")),
                        List.of(Long.toString(window), changed ? "1" : "0", Long.toString(KEEP.toMillis())))
                .next()
                .map(answer -> answer == 1L ? Coalesced.Claim.PUBLISH : answer == -1L ? Coalesced.Claim.TAKEN : Coalesced.Claim.CLEAN);
    }

    @Override
    public synchronized void start() {
        running = true;
        topics.values().forEach(Coalesced::start);
    }

    @Override
    public synchronized void stop() {
        running = false;
        topics.values().forEach(Coalesced::stop);
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
