package io.livehall.common.batch;

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
 */
public final class NaturalBatcher<T, R> {

    /** A value waiting for its batch, and where its answer goes. */
    public record Request<T, R>(T value, MonoSink<R> sink) {
    }

    private static final Log log = LogFactory.getLog(NaturalBatcher.class);

    private final int concurrency;
    private final int maxBatch;
    private final Function<List<Request<T, R>>, Mono<Void>> write;
    private final Queue<Request<T, R>> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger wip = new AtomicInteger();

    public NaturalBatcher(int concurrency, int maxBatch, Function<List<Request<T, R>>, Mono<Void>> write) {
        this.concurrency = Math.max(1, concurrency);
        this.maxBatch = Math.max(1, maxBatch);
        this.write = write;
    }

    /** Queues the value for the next batch; the Mono answers what the write said about it. */
    public Mono<R> submit(T value) {
        return Mono.create(sink -> {
            queue.offer(new Request<>(value, sink));
            drain();
        });
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
                }
                if (batch.isEmpty()) {
                    break;
                }
                inFlight.incrementAndGet();
                Mono.defer(() -> write.apply(batch))
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
