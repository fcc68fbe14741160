package io.livehall.common.cache;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import io.lettuce.core.event.connection.ConnectionActivatedEvent;
import io.lettuce.core.event.connection.ConnectionDeactivatedEvent;
import io.lettuce.core.resource.ClientResources;
import io.livehall.common.redis.LastingSubscription;
import io.livehall.common.redis.RedisKeys;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.listener.ReactiveRedisMessageListenerContainer;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * The instance-local caches ({@link NearCache}) and how they stay right across instances: a change evicts its keys
 * here at once and announces the eviction on the Redis channel {@value #CHANNEL}, which every instance listens to
 * ({@link #evict}, {@link #clear}). Redis pub/sub delivers nothing that is published while a connection is down, so
 * the caches are trusted only while every Redis connection is up and the channel is subscribed: when a connection
 * goes, every near cache is emptied and bypassed (reads load, nothing is kept) until all connections are back and
 * {@link #SETTLE} has passed (Lettuce resubscribes channels on its own a moment after reconnecting). A near cache's
 * own lifetime bounds what a lost eviction can leave behind when Redis drops a message without a connection loss.
 * <p>
 * Messages: {@code evict <cache> <key>} (keys of one announcement separated by newlines) and {@code clear <cache>}.
 */
@Component
public class NearCaches implements SmartLifecycle {

    /** The Redis pub/sub channel evictions travel on. */
    public static final String CHANNEL = RedisKeys.global("cache", "evictions");
    /** How long after Redis is back the caches stay bypassed (channels are resubscribed in the meantime). */
    static final Duration SETTLE = Duration.ofSeconds(2);

    private static final Log log = LogFactory.getLog(NearCaches.class);
    private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(2);

    private final ReactiveStringRedisTemplate redis;
    private final ReactiveRedisMessageListenerContainer listener;
    private final ClientResources resources;
    private final MeterRegistry meters;
    private final Map<String, NearCache<?>> caches = new ConcurrentHashMap<>();
    private final AtomicInteger down = new AtomicInteger();
    private volatile long trustedFrom;
    private volatile LastingSubscription listening;
    private volatile Disposable connectionEvents;

    NearCaches(ReactiveStringRedisTemplate redis, ReactiveRedisMessageListenerContainer listener, ClientResources resources,
               MeterRegistry meters) {
        this.redis = redis;
        this.listener = listener;
        this.resources = resources;
        this.meters = meters;
        this.trustedFrom = System.nanoTime();
    }

    /** A new cache named {@code name} (a word: letters, digits, '-'), evicted through this registry. */
    public <V> NearCache<V> create(String name, int maxEntries, Duration ttl) {
        return create(name, maxEntries, ttl, () -> true);
    }

    /**
     * The same, trusted only while {@code alsoTrusted} holds too (e.g. while another channel its evictions come by is
     * subscribed).
     */
    public <V> NearCache<V> create(String name, int maxEntries, Duration ttl, BooleanSupplier alsoTrusted) {
        if (!name.matches("[a-z0-9-]+")) {
            throw new IllegalArgumentException("A near cache's name is a word: " + name);
        }
        NearCache<V> cache = new NearCache<>(name, maxEntries, ttl, () -> trusted() && alsoTrusted.getAsBoolean(),
                System::nanoTime, meters);
        if (caches.putIfAbsent(name, cache) != null) {
            throw new IllegalStateException("Two near caches named " + name);
        }
        return cache;
    }

    /** Whether answers may be kept and served now. */
    public boolean trusted() {
        LastingSubscription l = listening;
        return l != null && l.subscribed() && down.get() == 0 && System.nanoTime() - trustedFrom >= 0;
    }

    /**
     * Evicts {@code key} from the cache here at once, then on every other instance; call it after the change is
     * committed. Completes when Redis took the announcement; never fails (a lost announcement is logged: other
     * instances keep the key until it expires).
     */
    public Mono<Void> evict(NearCache<?> cache, String key) {
        cache.evict(key);
        return announce("evict " + cache.name() + " " + key);
    }

    /** Evicts these keys from the cache here at once, then on every other instance in one announcement (as {@link #evict}). */
    public Mono<Void> evict(NearCache<?> cache, java.util.Collection<String> keys) {
        if (keys.isEmpty()) {
            return Mono.empty();
        }
        keys.forEach(cache::evict);
        return announce("evict " + cache.name() + " " + String.join("\n", keys));
    }

    /** Empties the cache here at once, then on every other instance (as {@link #evict}). */
    public Mono<Void> clear(NearCache<?> cache) {
        cache.clear();
        return announce("clear " + cache.name());
    }

    private Mono<Void> announce(String message) {
        return redis.convertAndSend(CHANNEL, message).timeout(PUBLISH_TIMEOUT).then()
                .onErrorResume(e -> {
                    meters.counter("livehall.cache.near.announce.failures").increment();
                    log.warn("Could not announce the near-cache eviction '" + message
                            + "' (other instances keep the entry until it expires): " + e);
                    return Mono.empty();
                });
    }

    void received(String message) {
        String[] parts = message.split(" ", 3);
        NearCache<?> cache = parts.length >= 2 ? caches.get(parts[1]) : null;
        if (cache == null) {
            return; // a cache this instance does not have (yet)
        }
        if (parts[0].equals("evict") && parts.length == 3) {
            for (String key : parts[2].split("\n")) {
                cache.evict(key);
            }
        } else if (parts[0].equals("clear")) {
            cache.clear();
        }
    }

    private void clearAll() {
        caches.values().forEach(NearCache::clear);
    }

    /** A Redis connection went: nothing cached may be believed until it is back (and settled). */
    void connectionLost() {
        down.incrementAndGet();
        clearAll();
    }

    /** A Redis connection is back: once all are, the caches are trusted again after {@link #SETTLE}. */
    void connectionBack() {
        if (down.getAndUpdate(n -> Math.max(0, n - 1)) == 0) {
            return; // a first connection, not a reconnection
        }
        trustedFrom = System.nanoTime() + SETTLE.toNanos();
        clearAll();
    }

    /**
     * Subscribes to the channel, waiting (at most 10 s) until Redis confirmed it ({@link LastingSubscription#start});
     * the caches are bypassed until then.
     */
    @Override
    public void start() {
        connectionEvents = resources.eventBus().get()
                .subscribe(event -> {
                    if (event instanceof ConnectionDeactivatedEvent) {
                        connectionLost();
                    } else if (event instanceof ConnectionActivatedEvent) {
                        connectionBack();
                    }
                }, e -> log.error("Near caches: listening to Redis connection events stopped", e));
        LastingSubscription evictions = new LastingSubscription("Near caches", listener, CHANNEL, this::received,
                this::clearAll, this::clearAll);
        listening = evictions;
        evictions.start();
    }

    @Override
    public void stop() {
        LastingSubscription l = listening;
        if (l != null) {
            l.stop();
        }
        Disposable c = connectionEvents;
        if (c != null) {
            c.dispose();
        }
        listening = null;
        connectionEvents = null;
        clearAll();
    }

    @Override
    public boolean isRunning() {
        return listening != null;
    }
}
