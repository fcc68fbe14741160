package io.livehall.fair.matching;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.livehall.fair.FairActivity;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Matching's work, one job at a time on this instance (so a full run and the incremental updates of a fair never
 * interleave): a changed listing or participant (told by {@link FairActivity}) and the organisers' full recomputes.
 * A failed job is logged and skipped; the next full run puts things right (a change is a hint, PostgreSQL the truth).
 */
@Component
class MatchingQueue {

    private static final Log log = LogFactory.getLog(MatchingQueue.class);

    private record Job(FairActivity.What what, long fairId, long subjectId) {
    }

    private final MatchingRuns runs;
    private final FairActivity activity;
    private final Sinks.Many<Job> jobs = Sinks.many().unicast().onBackpressureBuffer();
    private final Set<Long> fullQueued = ConcurrentHashMap.newKeySet();
    private Disposable worker;
    private Disposable listener;

    MatchingQueue(MatchingRuns runs, FairActivity activity) {
        this.runs = runs;
        this.activity = activity;
    }

    @PostConstruct
    void start() {
        worker = jobs.asFlux().concatMap(job -> run(job)
                        .onErrorResume(e -> {
                            log.warn("Matching job " + job + " failed", e);
                            return Mono.empty();
                        }))
                .subscribe();
        listener = activity.changes()
                .filter(c -> c.what() == FairActivity.What.LISTING || c.what() == FairActivity.What.PARTICIPANT)
                .subscribe(c -> offer(new Job(c.what(), c.fairId(), c.subjectId())));
    }

    @PreDestroy
    void stop() {
        listener.dispose();
        worker.dispose();
    }

    /** Queues a full recompute of the fair; false if one is already waiting. */
    boolean recompute(long fairId) {
        if (!fullQueued.add(fairId)) {
            return false;
        }
        offer(new Job(FairActivity.What.FAIR, fairId, fairId));
        return true;
    }

    private void offer(Job job) {
        jobs.emitNext(job, Sinks.EmitFailureHandler.busyLooping(Duration.ofMillis(100)));
    }

    private Mono<Void> run(Job job) {
        return switch (job.what()) {
            case LISTING -> runs.listingChanged(job.subjectId());
            case PARTICIPANT -> runs.participantChanged(job.fairId(), job.subjectId());
            default -> Mono.defer(() -> {
                fullQueued.remove(job.fairId());
                return runs.full(job.fairId()).then();
            });
        };
    }
}
