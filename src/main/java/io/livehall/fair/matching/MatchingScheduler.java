package io.livehall.fair.matching;

import jakarta.annotation.PreDestroy;
import org.springframework.stereotype.Component;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Where matching's CPU work runs (segmentation, scoring): two threads at most, off the event loop, so a full
 * computation of a large fair never starves request handling on a small machine.
 */
@Component
class MatchingScheduler {

    private final Scheduler scheduler = Schedulers.newBoundedElastic(2, 10_000, "fair-matching");

    Scheduler get() {
        return scheduler;
    }

    @PreDestroy
    void stop() {
        scheduler.dispose();
    }
}
