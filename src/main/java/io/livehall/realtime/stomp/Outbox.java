package io.livehall.realtime.stomp;

import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * One connection's outbound frames, bounded three ways (as Spring's {@code sendBufferSizeLimit} and
 * {@code sendTimeLimit}, and Centrifuge's {@code ClientQueueMaxSize}): by the number of frames waiting, by their
 * bytes, and by how long the oldest has waited. Frames leave only as fast as the WebSocket takes them (downstream
 * demand). A LATEST frame replaces any not-yet-sent frame of the same key, so a slow client gets the newest value,
 * not a backlog. Past any bound the overflow callback runs (the connection is dropped) and the frame is refused.
 * The age of the oldest frame is checked on every offer and by {@link #overdue} (the connection's timer), so a
 * client that stops reading is dropped even when nothing new is sent to it. A LATEST key may be spaced: its next frame
 * leaves no sooner than the gap after the previous one (it waits on a timer, still replaceable), so one subscriber gets a
 * coalesced topic at most once per window whatever the jitter of the fan-outs before it. Thread-safe, non-blocking.
 */
final class Outbox<M> {

    /** The bounds; {@code maxWaitMillis} 0 means no time bound. */
    record Limits(int frames, long bytes, long maxWaitMillis) {
    }

    private record Item(Object payload, long queuedAt) {
    }

    private record Latest(String key, boolean spaced) {
    }

    private final Queue<Item> queue = new ConcurrentLinkedQueue<>();
    private final ConcurrentHashMap<String, byte[]> latest = new ConcurrentHashMap<>();
    /** when the last frame of each spaced key left */
    private final ConcurrentHashMap<String, Long> sentAt = new ConcurrentHashMap<>();
    private final Scheduler timer;
    /** told how long each frame waited before the socket took it (milliseconds) */
    private volatile LongConsumer waited = ms -> { };
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicInteger wip = new AtomicInteger();
    private final Limits limits;
    private final LongSupplier clock;
    private final Function<byte[], M> toMessage;
    private final Runnable onOverflow;
    private volatile FluxSink<M> sink;
    private volatile boolean closed;

    Outbox(Limits limits, LongSupplier clock, Function<byte[], M> toMessage, Runnable onOverflow) {
        this(limits, clock, Schedulers.parallel(), toMessage, onOverflow);
    }

    /** {@code timer} holds spaced frames back (its clock should be {@code clock}: a virtual one in tests). */
    Outbox(Limits limits, LongSupplier clock, Scheduler timer, Function<byte[], M> toMessage, Runnable onOverflow) {
        this.timer = timer;
        this.limits = limits;
        this.clock = clock;
        this.toMessage = toMessage;
        this.onOverflow = onOverflow;
    }

    /** Bounded by frames only (tests). */
    Outbox(int limit, Function<byte[], M> toMessage, Runnable onOverflow) {
        this(new Limits(limit, Long.MAX_VALUE, 0), System::currentTimeMillis, toMessage, onOverflow);
    }

    Flux<M> flux() {
        // frames are emitted only against outstanding demand, so the sink needs no buffer of its own (IGNORE)
        return Flux.create(s -> {
            sink = s;
            s.onRequest(n -> drain());
            s.onDispose(() -> closed = true);
            drain();
        }, FluxSink.OverflowStrategy.IGNORE);
    }

    /** Tells {@code waited} how long each frame sent from now on waited here (metrics). */
    Outbox<M> measuredBy(LongConsumer waited) {
        this.waited = waited;
        return this;
    }

    /** Queues a frame that must not be lost; false (and overflow) past a bound. */
    boolean offer(byte[] frame) {
        if (closed) {
            return false;
        }
        if (size.incrementAndGet() > limits.frames() || bytes.addAndGet(frame.length) > limits.bytes()
                || overdue(clock.getAsLong())) {
            size.decrementAndGet();
            bytes.addAndGet(-frame.length);
            onOverflow.run();
            return false;
        }
        queue.offer(new Item(frame, clock.getAsLong()));
        drain();
        return true;
    }

    /** Queues a frame that supersedes any unsent frame with the same key. */
    void offerLatest(String key, byte[] frame) {
        offerLatest(key, frame, 0);
    }

    /**
     * Queues a frame that supersedes any unsent frame with the same key, and leaves no sooner than {@code gapMillis}
     * after the key's previous frame left (0: at once).
     */
    void offerLatest(String key, byte[] frame, long gapMillis) {
        if (closed) {
            return;
        }
        byte[] replaced = latest.put(key, frame);
        bytes.addAndGet(frame.length - (replaced == null ? 0 : replaced.length));
        if (replaced == null) {
            size.incrementAndGet();
            Long last = gapMillis > 0 ? sentAt.get(key) : null;
            long wait = last == null ? 0 : last + gapMillis - clock.getAsLong();
            if (wait > 0) {
                timer.schedule(() -> enqueue(key, true), wait, TimeUnit.MILLISECONDS);
                return;
            }
            queue.offer(new Item(new Latest(key, gapMillis > 0), clock.getAsLong()));
        }
        drain();
    }

    private void enqueue(String key, boolean spaced) {
        if (!closed) {
            queue.offer(new Item(new Latest(key, spaced), clock.getAsLong()));
            drain();
        }
    }

    /** Sends what is queued, then completes the stream (the WebSocket closes after the last frame). */
    void complete() {
        closed = true;
        drain();
    }

    int pending() {
        return size.get();
    }

    long pendingBytes() {
        return bytes.get();
    }

    /** True when the oldest waiting frame has waited longer than the time bound. */
    boolean overdue(long now) {
        if (limits.maxWaitMillis() <= 0) {
            return false;
        }
        Item oldest = queue.peek();
        return oldest != null && now - oldest.queuedAt() > limits.maxWaitMillis();
    }

    private void drain() {
        if (wip.getAndIncrement() != 0) {
            return;
        }
        int missed = 1;
        do {
            FluxSink<M> s = sink;
            if (s != null) {
                while (s.requestedFromDownstream() > 0) {
                    Item item = queue.poll();
                    if (item == null) {
                        break;
                    }
                    size.decrementAndGet();
                    byte[] frame;
                    if (item.payload() instanceof Latest l) {
                        if (l.spaced()) {
                            // before the frame is taken: an offer of the key from now on waits for the gap, and one
                            // made before the take only replaces the frame that is about to leave
                            sentAt.put(l.key(), clock.getAsLong());
                        }
                        frame = latest.remove(l.key());
                    } else {
                        frame = (byte[]) item.payload();
                    }
                    if (frame != null) {
                        waited.accept(clock.getAsLong() - item.queuedAt());
                        bytes.addAndGet(-frame.length);
                        s.next(toMessage.apply(frame));
                    }
                }
                if (closed && queue.isEmpty()) {
                    s.complete();
                }
            }
            missed = wip.addAndGet(-missed);
        } while (missed != 0);
    }
}
