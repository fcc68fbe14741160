package io.livehall.fair.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.livehall.IntegrationTest;
import io.livehall.fair.FairActivity;
import io.livehall.fair.matching.MatchingQueue.Job;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Wrapped;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Matching's lanes: one fair's jobs in order and never two at once, even on two instances (two queues, each with its
 * own lock connections, as two instances have), other fairs' jobs beside a long one, repeated requests coalesced, and
 * a fair's lock freed when the instance holding it dies (its PostgreSQL session ends).
 */
class MatchingLanesTest extends IntegrationTest {

    private static final Duration WHILE = Duration.ofMillis(800);

    @Autowired
    ConnectionFactory connections;

    /** A worker whose jobs run until the test finishes them, recording what ran and how many of a fair at once. */
    private static final class Recorder implements MatchingQueue.Worker {
        final List<Job> started = new CopyOnWriteArrayList<>();
        final List<Job> finished = new CopyOnWriteArrayList<>();
        final Map<Job, Sinks.Empty<Void>> gates = new ConcurrentHashMap<>();
        final Map<Long, AtomicInteger> atOnce = new ConcurrentHashMap<>();
        final AtomicInteger mostAtOnce = new AtomicInteger();

        @Override
        public Mono<Void> run(Job job) {
            return Mono.defer(() -> {
                started.add(job);
                int now = atOnce.computeIfAbsent(job.fairId(), f -> new AtomicInteger()).incrementAndGet();
                mostAtOnce.accumulateAndGet(now, Math::max);
                return gate(job).asMono();
            }).doFinally(s -> {
                atOnce.get(job.fairId()).decrementAndGet();
                finished.add(job);
            });
        }

        @Override
        public Flux<Long> fairsOfListing(long listingId) {
            return Flux.just(listingId / 100); // listing 1234 is at fair 12
        }

        Sinks.Empty<Void> gate(Job job) {
            return gates.computeIfAbsent(job, j -> Sinks.empty());
        }

        void finish(Job job) {
            gate(job).tryEmitEmpty();
        }
    }

    private final List<MatchingQueue> queues = new CopyOnWriteArrayList<>();

    private MatchingQueue queue(Recorder worker, FairActivity activity) {
        MatchingQueue queue = new MatchingQueue(activity, new MatchingLock(connections), worker, 2);
        queue.start();
        queues.add(queue);
        return queue;
    }

    @AfterEach
    void stop() {
        queues.forEach(MatchingQueue::stop);
    }

    private static Job full(long fair) {
        return new Job(FairActivity.What.FAIR, fair, fair);
    }

    private static long fair() {
        return 900_000 + (System.nanoTime() & 0xffff) * 10;
    }

    @Test
    void otherFairsRunBesideALongFullRunAndOneFairsJobsRunInOrderCoalesced() {
        Recorder worker = new Recorder();
        FairActivity activity = new FairActivity();
        MatchingQueue queue = queue(worker, activity);
        long slow = fair();
        long other = slow + 1;
        assertThat(queue.recompute(slow)).isTrue();
        await().atMost(Duration.ofSeconds(5)).until(() -> worker.started.contains(full(slow)));

        // the slow fair's full run goes on; another fair's listing change runs and finishes meanwhile
        activity.changed(0, FairActivity.What.LISTING, other * 100 + 7);
        Job listing = new Job(FairActivity.What.LISTING, other, other * 100 + 7);
        await().atMost(Duration.ofSeconds(5)).until(() -> worker.started.contains(listing));
        worker.finish(listing);
        await().atMost(Duration.ofSeconds(5)).until(() -> worker.finished.contains(listing));
        assertThat(worker.finished).doesNotContain(full(slow));

        // the slow fair's later jobs wait for it, in order; a repeated one is not queued twice
        Job participant = new Job(FairActivity.What.PARTICIPANT, slow, 5);
        assertThat(queue.offer(participant)).isTrue();
        assertThat(queue.offer(participant)).isFalse();
        assertThat(queue.recompute(slow)).as("a full run is waiting after the running one").isTrue();
        assertThat(queue.recompute(slow)).as("and only one").isFalse();
        assertThat(queue.offer(new Job(FairActivity.What.LISTING, slow, slow * 100 + 1)))
                .as("a waiting full run covers any listing change").isFalse();
        worker.finish(full(slow));
        await().atMost(Duration.ofSeconds(5)).until(() -> worker.started.size() == 3);
        assertThat(worker.started.get(2)).as("the waiting full run replaced the participant's job").isEqualTo(full(slow));
        worker.finish(full(slow));
        await().atMost(Duration.ofSeconds(5)).until(() -> worker.finished.size() == 3);
        assertThat(worker.mostAtOnce.get()).isEqualTo(1);
    }

    @Test
    void twoInstancesNeverRunOneFairsJobsAtOnce() {
        Recorder worker = new Recorder(); // shared, to count jobs of a fair at once across both
        MatchingQueue a = queue(worker, new FairActivity());
        MatchingQueue b = queue(worker, new FairActivity());
        long fair = fair();
        Job onA = full(fair);
        Job onB = new Job(FairActivity.What.PARTICIPANT, fair, 1);
        a.offer(onA);
        await().atMost(Duration.ofSeconds(5)).until(() -> worker.started.contains(onA));
        b.offer(onB);
        b.offer(new Job(FairActivity.What.PARTICIPANT, fair + 1, 1)); // another fair: not held up on B
        await().atMost(Duration.ofSeconds(5)).until(() -> worker.started.size() == 2);
        await("B's job of the same fair waits while A's runs").during(WHILE).atMost(WHILE.multipliedBy(3))
                .until(() -> !worker.started.contains(onB));
        worker.finish(onA);
        await().atMost(Duration.ofSeconds(5)).until(() -> worker.started.contains(onB));
        worker.finish(onB);
        await().atMost(Duration.ofSeconds(5)).until(() -> worker.finished.contains(onB));
        assertThat(worker.mostAtOnce.get()).isEqualTo(1);
    }

    @Test
    void aDeadInstancesLockGoesWithItsConnection() {
        long fair = fair();
        ConnectionFactory direct = connections instanceof Wrapped<?> pool && pool.unwrap() instanceof ConnectionFactory f
                ? f : connections;
        Connection dying = Mono.from(direct.create()).block();
        Boolean held = Mono.from(dying.createStatement("select pg_try_advisory_lock($1)")
                        .bind("$1", MatchingLock.key(fair)).execute())
                .flatMap(r -> Mono.from(r.map((row, meta) -> row.get(0, Boolean.class)))).block();
        assertThat(held).isTrue();
        Recorder worker = new Recorder();
        MatchingQueue queue = queue(worker, new FairActivity());
        queue.recompute(fair);
        await("the job waits for the lock").during(WHILE).atMost(WHILE.multipliedBy(3))
                .until(worker.started::isEmpty);
        // the instance holding it dies: its session ends without an unlock
        db.sql("select pg_terminate_backend(pid) from pg_locks where locktype = 'advisory' and granted"
                        + " and ((classid::bigint << 32) | objid::bigint) = :k")
                .bind("k", MatchingLock.key(fair)).fetch().all().collectList().block();
        await().atMost(Duration.ofSeconds(5)).until(() -> worker.started.contains(full(fair)));
        worker.finish(full(fair));
        Mono.from(dying.close()).onErrorResume(e -> Mono.empty()).block();
    }
}
