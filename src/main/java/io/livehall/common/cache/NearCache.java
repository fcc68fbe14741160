package io.livehall.common.cache;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiPredicate;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

/**
 * Answers kept in this instance's memory for a short time, for reads that are far more frequent than the changes
 * that evict them (made by {@link NearCaches}, which evicts on every instance and says when the cache may be trusted).
 * A hit costs a map lookup: no Redis or PostgreSQL round trip, no hop to another event loop.
 * <ul>
 *   <li>A read that misses loads the answer and keeps it, unless the key was evicted (or the cache cleared) while it
 *       loaded: a marker put before the load must still be in place when the answer is stored, so an answer read
 *       before a change is never kept after that change's eviction.</li>
 *   <li>An answer is kept at most {@code ttl}; at most {@code maxEntries} are kept (past that the expired ones go, and
 *       if that is not enough, all).</li>
 *   <li>While the cache may not be trusted (evictions from other instances could have been missed: Redis away, the
 *       eviction channel not subscribed), every read loads and nothing is kept.</li>
 * </ul>
 * Keys are strings (evictions travel between instances as text). An empty load keeps nothing: wrap "nothing" in a
 * value (e.g. {@code Optional}) to keep it.
 *
 * @param <V> the kept answers (immutable)
 */
public final class NearCache<V> {

    private record Entry<V>(V value, long expiresAt) {
    }

    /** Put while a key loads; compared by identity. */
    private static final class Loading {
    }

    private final String name;
    private final int maxEntries;
    private final long ttlNanos;
    private final BooleanSupplier trusted;
    private final LongSupplier nanos;
    private final Map<String, Object> entries = new ConcurrentHashMap<>();
    private final Counter hits;
    private final Counter misses;

    NearCache(String name, int maxEntries, Duration ttl, BooleanSupplier trusted, LongSupplier nanos, MeterRegistry meters) {
        if (maxEntries < 1 || ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("A near cache needs room and a positive lifetime: " + name);
        }
        this.name = name;
        this.maxEntries = maxEntries;
        this.ttlNanos = ttl.toNanos();
        this.trusted = trusted;
        this.nanos = nanos;
        this.hits = meters.counter("livehall.cache.near", "cache", name, "result", "hit");
        this.misses = meters.counter("livehall.cache.near", "cache", name, "result", "miss");
    }

    public String name() {
        return name;
    }

    /** The kept answer for {@code key}, or what {@code load} answers (kept unless evicted meanwhile). */
    public Mono<V> get(String key, Supplier<Mono<V>> load) {
        return get(key, value -> true, load);
    }

    /**
     * The same, taking a kept answer only if it is {@code usable} for this read (e.g. a page of the size asked for);
     * otherwise it is replaced by what {@code load} answers.
     */
    @SuppressWarnings("unchecked")
    public Mono<V> get(String key, Predicate<V> usable, Supplier<Mono<V>> load) {
        if (!trusted.getAsBoolean()) {
            misses.increment();
            return Mono.defer(load);
        }
        Object known = entries.get(key);
        if (known instanceof Entry<?> entry) {
            if (nanos.getAsLong() - entry.expiresAt() < 0 && usable.test((V) entry.value())) {
                hits.increment();
                return Mono.just((V) entry.value());
            }
            entries.remove(key, entry);
        }
        misses.increment();
        if (known instanceof Loading) {
            return Mono.defer(load); // someone else is loading it: neither wait nor keep a second answer
        }
        return Mono.defer(() -> {
            Loading marker = new Loading();
            if (entries.putIfAbsent(key, marker) != null) {
                return load.get();
            }
            makeRoom();
            return load.get()
                    .doOnNext(value -> entries.replace(key, marker, new Entry<>(value, nanos.getAsLong() + ttlNanos)))
                    .doFinally(signal -> entries.remove(key, marker));
        });
    }

    /** Forgets one key here (and any load of it in flight). {@link NearCaches#evict} does it on every instance. */
    public void evict(String key) {
        entries.remove(key);
    }

    /** Forgets the answers that match, and every load in flight (its answer is unknown yet). */
    @SuppressWarnings("unchecked")
    public void evictIf(BiPredicate<String, V> matches) {
        entries.entrySet().removeIf(e -> !(e.getValue() instanceof Entry<?> entry) || matches.test(e.getKey(), (V) entry.value()));
    }

    /** Forgets everything here, loads in flight included. */
    public void clear() {
        entries.clear();
    }

    /** Keys kept or loading (tests). */
    int size() {
        return entries.size();
    }

    private void makeRoom() {
        if (entries.size() <= maxEntries) {
            return;
        }
        long now = nanos.getAsLong();
        entries.values().removeIf(v -> v instanceof Entry<?> e && now - e.expiresAt() >= 0);
        if (entries.size() > maxEntries) {
            entries.values().removeIf(v -> v instanceof Entry<?>);
        }
    }
}
