package io.livehall.realtime.broker;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Function;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * One coalesced latest-value topic kind (a room's viewer count, a training room's Q&A...), registered with
 * {@link CoalescedPublisher}: each of its things (by key) that {@link #changed} is published at most once per window,
 * and only at the windows' starts (epoch milliseconds {@code k × window + phase}, on the wall clock; a phase shifts
 * them, so kinds sharing a room do not fan out at the same instant), by one instance of all:
 * <ol>
 *   <li>{@link #changed} only notes the key here (no I/O).</li>
 *   <li>{@code lead} before each window starts, every instance that noted changes (or still waits for its marks to be
 *       published) asks Redis for the window ({@code redis/coalesce-claim.lua}): its changes are marked there, and the
 *       first instance to ask for a window while something is marked claims it and consumes the marks.</li>
 *   <li>The claimer reads the snapshot at once and publishes it when the window starts (later only if the read takes
 *       longer than {@code lead}).</li>
 * </ol>
 * So two publications of one key are a whole window apart at the publisher. A window a little longer than half a
 * second (600 ms) keeps every clock second to at most two even when one delivery is late, or the next early, by up
 * to the difference (2 × 600 − 1,000 = 200 ms), which a window of exactly 500 ms would not. A change made after the
 * claimer's read is marked again and goes out at the next window: the last state is
 * always published. Redis or the read failing keeps the key's changes for the next window.
 */
public final class Coalesced {

    /** What Redis says to a claim. */
    enum Claim { PUBLISH, TAKEN, CLEAN }

    /** The windows' shared state (Redis in the application; a map in unit tests). */
    interface Windows {
        Mono<Claim> claim(String name, String key, long window, boolean changed);
    }

    private static final Log log = LogFactory.getLog(Coalesced.class);
    private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(10);

    private final String name;
    private final long windowMillis;
    private final long phaseMillis;
    private final long leadMillis;
    private final Function<String, String> destination;
    private final Function<String, Mono<?>> snapshot;
    private final Windows windows;
    private final BiFunction<String, Object, Mono<?>> publish;
    private final Scheduler scheduler;
    /** keys changed here since their last mark in Redis */
    private final Set<String> changedHere = ConcurrentHashMap.newKeySet();
    /** keys marked in Redis by this instance and not yet seen published */
    private final Set<String> awaiting = ConcurrentHashMap.newKeySet();
    /** keys whose claim, read or publication is under way here */
    private final Set<String> busy = ConcurrentHashMap.newKeySet();
    private final Counter published;
    private final Counter failures;
    private volatile Disposable nextTick;
    private volatile boolean running;

    Coalesced(String name, Duration window, Duration phase, Duration lead, Function<String, String> destination,
              Function<String, Mono<?>> snapshot, Windows windows, BiFunction<String, Object, Mono<?>> publish,
              Scheduler scheduler, MeterRegistry meters) {
        if (window.toMillis() < 10 || lead.isNegative() || lead.compareTo(window) >= 0 || phase.isNegative()
                || phase.compareTo(window) >= 0) {
            throw new IllegalArgumentException("A window of at least 10 ms, a lead and a phase shorter than it: " + name);
        }
        this.name = name;
        this.windowMillis = window.toMillis();
        this.phaseMillis = phase.toMillis();
        this.leadMillis = lead.toMillis();
        this.destination = destination;
        this.snapshot = snapshot;
        this.windows = windows;
        this.publish = publish;
        this.scheduler = scheduler;
        this.published = meters.counter("livehall.realtime.coalesced.published", "topic", name);
        this.failures = meters.counter("livehall.realtime.coalesced.failures", "topic", name);
    }

    /** The thing {@code key} changed (call it after the change is committed): published at a coming window's start. */
    public void changed(String key) {
        changedHere.add(key);
    }

    String name() {
        return name;
    }

    synchronized void start() {
        if (!running) {
            running = true;
            scheduleNext();
        }
    }

    synchronized void stop() {
        running = false;
        Disposable t = nextTick;
        if (t != null) {
            t.dispose();
        }
    }

    private void scheduleNext() {
        long now = scheduler.now(TimeUnit.MILLISECONDS);
        long start = (Math.floorDiv(now + leadMillis - phaseMillis, windowMillis) + 1) * windowMillis + phaseMillis;
        nextTick = scheduler.schedule(() -> tick(start), start - leadMillis - now, TimeUnit.MILLISECONDS);
    }

    /** {@code lead} before the window that starts at {@code start} (epoch ms): claim it for what changed. */
    private void tick(long start) {
        if (!running) {
            return;
        }
        try {
            Set<String> keys = new HashSet<>(changedHere);
            keys.addAll(awaiting);
            keys.forEach(key -> attempt(key, start));
        } finally {
            synchronized (this) {
                if (running) {
                    scheduleNext();
                }
            }
        }
    }

    private void attempt(String key, long start) {
        if (!busy.add(key)) {
            return; // the previous window's read or publication is still under way: this key waits for the next
        }
        boolean changed = changedHere.remove(key);
        Mono.defer(() -> windows.claim(name, key, Math.floorDiv(start - phaseMillis, windowMillis), changed))
                .flatMap(claim -> switch (claim) {
                    case TAKEN -> {
                        awaiting.add(key);
                        yield Mono.<Void>empty();
                    }
                    case CLEAN -> {
                        awaiting.remove(key);
                        yield Mono.<Void>empty();
                    }
                    case PUBLISH -> {
                        awaiting.remove(key);
                        yield readAndPublish(key, start);
                    }
                })
                .timeout(ATTEMPT_TIMEOUT, scheduler)
                .doFinally(signal -> busy.remove(key))
                .subscribe(done -> { }, e -> {
                    // the marks may be consumed (claimed) or never made: this instance marks them again next window
                    changedHere.add(key);
                    failures.increment();
                    log.debug("Coalesced " + name + " " + key + ": claim or publication failed, next window", e);
                });
    }

    private Mono<Void> readAndPublish(String key, long start) {
        return snapshot.apply(key)
                .flatMap(payload -> {
                    long wait = start - scheduler.now(TimeUnit.MILLISECONDS);
                    Mono<Long> atStart = wait > 0 ? Mono.delay(Duration.ofMillis(wait), scheduler) : Mono.just(0L);
                    return atStart.then(Mono.defer(() -> publish.apply(destination.apply(key), payload)))
                            .then(Mono.fromRunnable(published::increment));
                })
                .then();
    }
}
