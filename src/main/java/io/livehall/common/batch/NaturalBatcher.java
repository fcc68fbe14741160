package io.livehall.common.batch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

/**
 * Natural batching: items are written at once while fewer than {@code concurrency} writes run; items that arrive
 * while all writes run wait and go together in the next write (up to {@code maxBatch}). No timer and no added delay
 * under light load; under a rush, many items share one round trip (one Redis call, one PostgreSQL transaction).
 * <p>
 * Each item is a {@link Request}: the caller's value and the sink its answer goes to. The write function answers
 * every request of its batch (success or error); a write that fails as a whole fails the requests it left
 * unanswered. Lock-free: {@link #submit} may be called from any thread, event loops included.
 * <p>
 * Bounded: at most {@code maxQueued} items wait (more are refused at once with {@link Full}, so a stalled store
 * cannot fill the heap), and a write that has not answered after {@code writeTimeout} fails the requests it left
 * unanswered and frees its slot.
 */
public final class NaturalBatcher<T, R> {

    /** A value waiting for its batch, and where its answer goes. */
    public record Request<T, R>(T value, MonoSink<R> sink) {
    }

    /** Refusal of an item while {@code maxQueued} items already wait. */
    public static final class Full extends RuntimeException {
        Full(int maxQueued) {
            super("More than " + maxQueued + " items waiting for a batch", null, false, false);
        }
    }

    public static final int DEFAULT_MAX_QUEUED = 10_000;
    public static final Duration DEFAULT_WRITE_TIMEOUT = Duration.ofSeconds(30);
    private static final Log log = LogFactory.getLog(NaturalBatcher.class);

    private final int concurrency;
    private final int maxBatch;
    private final int maxQueued;
    private final Duration writeTimeout;
    private final AtomicInteger queued = new AtomicInteger();
    private final Function<List<Request<T, R>>, Mono<Void>> write;
    private final Queue<Request<T, R>> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger wip = new AtomicInteger();

    public NaturalBatcher(int concurrency, int maxBatch, Function<List<Request<T, R>>, Mono<Void>> write) {
        this(concurrency, maxBatch, DEFAULT_MAX_QUEUED, DEFAULT_WRITE_TIMEOUT, write);
    }

    public NaturalBatcher(int concurrency, int maxBatch, int maxQueued, Duration writeTimeout,
                          Function<List<Request<T, R>>, Mono<Void>> write) {
        this.concurrency = Math.max(1, concurrency);
        this.maxBatch = Math.max(1, maxBatch);
        this.maxQueued = Math.max(1, maxQueued);
        this.writeTimeout = writeTimeout;
        this.write = write;
    }

    /** Queues the value for the next batch; the Mono answers what the write said about it ({@link Full} if full). */
    public Mono<R> submit(T value) {
        return Mono.create(sink -> {
            if (queued.incrementAndGet() > maxQueued) {
                queued.decrementAndGet();
                sink.error(new Full(maxQueued));
                return;
            }
            queue.offer(new Request<>(value, sink));
            drain();
        });
    }

    int waiting() {
        return queued.get();
    }

    private void drain() {
        if (wip.getAndIncrement() != 0) {
            return;
        }
        do {
            while (!queue.isEmpty() && inFlight.get() < concurrency) {
                List<Request<T, R>> batch = new ArrayList<>();
                for (Request<T, R> r; batch.size() < maxBatch && (r = queue.poll()) != null; ) {
                    batch.add(r);
                    queued.decrementAndGet();
                }
                if (batch.isEmpty()) {
                    break;
                }
                inFlight.incrementAndGet();
                Mono.defer(() -> write.apply(batch))
                        .timeout(writeTimeout)
                        .doFinally(signal -> {
                            inFlight.decrementAndGet();
                            drain();
                        })
                        .subscribe(null, e -> {
                            log.warn("A batch of " + batch.size() + " failed", e);
                            batch.forEach(r -> r.sink().error(e));
                        });
            }
        } while (wip.decrementAndGet() != 0);
    }
}
