package io.livehall.fair.meeting;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongFunction;

import io.livehall.realtime.broker.Coalesced;
import io.livehall.realtime.broker.CoalescedPublisher;
import io.livehall.realtime.broker.DestinationPattern;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Coalesced latest-value snapshots of a roadshow's stage and Q&A, through the one coalescing seam
 * ({@link CoalescedPublisher}, as presence's viewer counts and a training room's Q&A): a change marks the fair's topic;
 * at most once per {@link #WINDOW} (on the wall clock: at most two snapshots in any clock second), one instance of all
 * reads the snapshot from PostgreSQL, {@link #LEAD} before the window starts, and publishes it as the window starts. A
 * burst of upvotes is one snapshot per window; a change made after the read goes out in the next window, so the last
 * change is never lost.
 */
@Component
class RoadshowSnapshots {

    static final Duration WINDOW = Duration.ofMillis(600);
    static final Duration LEAD = Duration.ofMillis(100);
    /** where in the window each topic goes out (presence's viewer count goes out at 200 ms): apart, not all at once */
    private static final Map<String, Duration> PHASES = Map.of("stage", Duration.ofMillis(300), "qa", Duration.ofMillis(390));

    private final Map<String, Coalesced> topics = new ConcurrentHashMap<>();
    private final CoalescedPublisher coalesced;

    RoadshowSnapshots(CoalescedPublisher coalesced) {
        this.coalesced = coalesced;
    }

    /** A topic whose payload for a fair is {@code snapshot.apply(fairId)}; {@code name} (a word) keys its marks. */
    void register(String name, DestinationPattern destination, LongFunction<Mono<?>> snapshot) {
        topics.put(name, coalesced.register("roadshow-" + name, WINDOW, PHASES.getOrDefault(name, Duration.ofMillis(300)),
                LEAD, key -> destination.with(Long.parseLong(key)), key -> snapshot.apply(Long.parseLong(key))));
    }

    /** The fair's {@code name} topic changed (committed): published at the start of a coming window. */
    void changed(String name, long fairId) {
        topics.get(name).changed(Long.toString(fairId));
    }
}
