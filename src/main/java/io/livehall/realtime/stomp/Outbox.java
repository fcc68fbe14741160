package io.livehall.realtime.stomp;

import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;

/**
 * One connection's outbound frames, bounded. Frames leave only as fast as the WebSocket takes them
 * (downstream demand). A LATEST frame replaces any not-yet-sent frame of the same key, so a slow
 * client gets the newest value, not a backlog. When more than {@code limit} frames wait, the
 * overflow callback runs (the connection is dropped) and the frame is refused. Thread-safe, non-blocking.
 */
final class Outbox<M> {

    private record Latest(String key) {
    }

    private final Queue<Object> queue = new ConcurrentLinkedQueue<>();
    private final ConcurrentHashMap<String, byte[]> latest = new ConcurrentHashMap<>();
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicInteger wip = new AtomicInteger();
    private final int limit;
    private final Function<byte[], M> toMessage;
    private final Runnable onOverflow;
    private volatile FluxSink<M> sink;
    private volatile boolean closed;

    Outbox(int limit, Function<byte[], M> toMessage, Runnable onOverflow) {
        this.limit = limit;
        this.toMessage = toMessage;
        this.onOverflow = onOverflow;
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

    /** Queues a frame that must not be lost; false (and overflow) past the bound. */
    boolean offer(byte[] frame) {
        if (closed) {
            return false;
        }
        if (size.incrementAndGet() > limit) {
            size.decrementAndGet();
            onOverflow.run();
            return false;
        }
        queue.offer(frame);
        drain();
        return true;
    }

    /** Queues a frame that supersedes any unsent frame with the same key. */
    void offerLatest(String key, byte[] frame) {
        if (closed) {
            return;
        }
        if (latest.put(key, frame) == null) {
            size.incrementAndGet();
            queue.offer(new Latest(key));
        }
        drain();
    }

    /** Sends what is queued, then completes the stream (the WebSocket closes after the last frame). */
    void complete() {
        closed = true;
        drain();
    }

    int pending() {
        return size.get();
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
                    Object item = queue.poll();
                    if (item == null) {
                        break;
                    }
                    size.decrementAndGet();
                    byte[] frame = item instanceof Latest l ? latest.remove(l.key()) : (byte[]) item;
                    if (frame != null) {
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
