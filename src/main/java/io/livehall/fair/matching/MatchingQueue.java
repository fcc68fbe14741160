package io.livehall.fair.matching;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;

import io.livehall.fair.FairActivity;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Matching's work, in one lane per fair: a changed listing or participant (told by {@link FairActivity}) and the
 * organisers' full recomputes. A fair's jobs run in order, one at a time; different fairs' jobs run side by side, at
 * most {@link #LANES} at once on this instance, the waiting fairs taking turns (a fair's next job queues behind the
 * fairs already waiting), so a long full run of one fair delays no other. A job already waiting is not queued again,
 * and a waiting full recompute makes its fair's incremental jobs needless. Across instances, a fair's job runs only
 * while its instance holds the fair's {@link MatchingLock}. A failed job is logged and skipped; the next full run puts
 * things right (a change is a hint, PostgreSQL the truth).
 */
@Component
class MatchingQueue {

    /** jobs running at once on this instance (their CPU work shares the two threads of {@link MatchingScheduler}) */
    static final int LANES = 4;

    private static final Log log = LogFactory.getLog(MatchingQueue.class);

    record Job(FairActivity.What what, long fairId, long subjectId) {
    }

    /** What a job does, and which fairs a changed listing concerns. */
    interface Worker {
        Mono<Void> run(Job job);

        Flux<Long> fairsOfListing(long listingId);
    }

    private static final class Lane {
        final LinkedHashSet<Job> waiting = new LinkedHashSet<>();
        boolean running;
        boolean queued;
    }

    private final FairActivity activity;
    private final MatchingLock lock;
    private final Worker worker;
    private final int lanes;
    private final Map<Long, Lane> byFair = new HashMap<>();
    private final ArrayDeque<Long> ready = new ArrayDeque<>();
    private final Sinks.Empty<Void> stopping = Sinks.empty();
    private int running;
    private Disposable listener;

    @Autowired
    MatchingQueue(MatchingRuns runs, FairActivity activity, MatchingLock lock) {
        this(activity, lock, new Worker() {
            @Override
            public Mono<Void> run(Job job) {
                return switch (job.what()) {
                    case LISTING -> runs.listingAt(job.fairId(), job.subjectId());
                    case PARTICIPANT -> runs.participantChanged(job.fairId(), job.subjectId());
                    default -> runs.full(job.fairId()).then();
                };
            }

            @Override
            public Flux<Long> fairsOfListing(long listingId) {
                return runs.fairsOfListing(listingId);
            }
        }, LANES);
    }

    MatchingQueue(FairActivity activity, MatchingLock lock, Worker worker, int lanes) {
        this.activity = activity;
        this.lock = lock;
        this.worker = worker;
        this.lanes = lanes;
    }

    @PostConstruct
    void start() {
        listener = activity.changes()
                .filter(c -> c.what() == FairActivity.What.LISTING || c.what() == FairActivity.What.PARTICIPANT)
                .concatMap(c -> c.what() == FairActivity.What.PARTICIPANT
                        ? Mono.just(new Job(c.what(), c.fairId(), c.subjectId()))
                        : worker.fairsOfListing(c.subjectId()).map(fair -> new Job(c.what(), fair, c.subjectId()))
                                .onErrorResume(e -> {
                                    log.warn("Matching: the fairs of listing " + c.subjectId() + " are unknown", e);
                                    return Flux.empty();
                                }))
                .subscribe(this::offer);
    }

    @PreDestroy
    void stop() {
        listener.dispose();
        stopping.tryEmitEmpty();
    }

    /** Queues a full recompute of the fair; false if one is already waiting. */
    boolean recompute(long fairId) {
        return offer(new Job(FairActivity.What.FAIR, fairId, fairId));
    }

    /** Queues a job in its fair's lane; false if it (or a full recompute of its fair) is already waiting. */
    boolean offer(Job job) {
        synchronized (this) {
            Lane lane = byFair.computeIfAbsent(job.fairId(), fair -> new Lane());
            Job full = new Job(FairActivity.What.FAIR, job.fairId(), job.fairId());
            if (lane.waiting.contains(full) || !lane.waiting.add(job)) {
                return false;
            }
            if (job.equals(full)) {
                lane.waiting.removeIf(waiting -> !waiting.equals(full));
            }
            if (!lane.running && !lane.queued) {
                lane.queued = true;
                ready.add(job.fairId());
            }
        }
        drain();
        return true;
    }

    /** Starts the next job of each waiting fair while lanes are free. */
    private void drain() {
        while (true) {
            Job job;
            synchronized (this) {
                if (running >= lanes || ready.isEmpty()) {
                    return;
                }
                Lane lane = byFair.get(ready.poll());
                Iterator<Job> first = lane.waiting.iterator();
                job = first.next();
                first.remove();
                lane.queued = false;
                lane.running = true;
                running++;
            }
            lock.holding(job.fairId(), worker.run(job))
                    .takeUntilOther(stopping.asMono())
                    .onErrorResume(e -> {
                        log.warn("Matching job " + job + " failed", e);
                        return Mono.empty();
                    })
                    .doFinally(signal -> done(job.fairId()))
                    .subscribe();
        }
    }

    private void done(long fairId) {
        synchronized (this) {
            running--;
            Lane lane = byFair.get(fairId);
            lane.running = false;
            if (lane.waiting.isEmpty()) {
                byFair.remove(fairId);
            } else {
                lane.queued = true;
                ready.add(fairId);
            }
        }
        drain();
    }
}
