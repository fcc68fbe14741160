package io.livehall.training.room;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongFunction;

import io.livehall.realtime.broker.Coalesced;
import io.livehall.realtime.broker.Access;
import io.livehall.realtime.broker.CoalescedPublisher;
import io.livehall.realtime.broker.DestinationCatalog;
import io.livehall.realtime.broker.DestinationPattern;
import org.springframework.stereotype.Component;

/**
 * Coalesced latest-value snapshots of a room's Q&A, polls and check-in, through the one coalescing seam
 * ({@link CoalescedPublisher}, as presence's viewer counts): a change marks the session's topic; at most once per
 * {@code publishInterval} (600 ms windows on the wall clock: at most two snapshots in any clock second, with 200 ms to
 * spare for delivery jitter), one instance of all reads the snapshot from PostgreSQL, {@link #LEAD} before the window
 * starts, and publishes it as the window starts. So a burst of 200 upvotes a second is one snapshot per window per
 * room, whichever instances took the votes, spaced a whole window apart; a change made after the read goes out in the
 * next window, so the last change is never lost.
 */
@Component
class RoomSnapshots {

    /** how long before a window the snapshot is read: more than the read of a busy room takes */
    static final Duration LEAD = Duration.ofMillis(100);
    /**
     * Where in the window each topic goes out, as a share of it: polls and check-in a little after Q&A (and the viewer
     * count, presence's, before it), so a room's fan-outs do not all start at once.
     */
    private static final Map<String, Double> PHASES = Map.of("qa", 0.5, "poll", 0.6, "checkin", 0.7);

    private final Map<String, Coalesced> topics = new ConcurrentHashMap<>();
    private final CoalescedPublisher coalesced;
    private final Duration interval;

    private final DestinationCatalog catalog;

    RoomSnapshots(CoalescedPublisher coalesced, TrainingRoomSettings settings, DestinationCatalog catalog) {
        this.coalesced = coalesced;
        this.catalog = catalog;
        this.interval = settings.publishInterval();
    }

    /**
     * A public topic whose payload for a session is {@code snapshot.apply(sessionId)}; {@code name} keys its marks. Each
     * subscriber gets it at most once per window too ({@link DestinationCatalog#registerCoalesced}).
     */
    void register(String name, DestinationPattern destination, LongFunction<reactor.core.publisher.Mono<?>> snapshot) {
        catalog.registerCoalesced(destination, Access.PUBLIC, interval);
        Duration lead = LEAD.compareTo(interval.dividedBy(2)) < 0 ? LEAD : interval.dividedBy(2);
        Duration phase = Duration.ofMillis((long) (interval.toMillis() * PHASES.getOrDefault(name, 0.5)));
        topics.put(name, coalesced.register("training-" + name, interval, phase, lead,
                key -> destination.with(Long.parseLong(key)), key -> snapshot.apply(Long.parseLong(key))));
    }

    /** The session's {@code name} topic changed (committed): published at the start of a coming window. */
    void changed(String name, long sessionId) {
        topics.get(name).changed(Long.toString(sessionId));
    }
}
