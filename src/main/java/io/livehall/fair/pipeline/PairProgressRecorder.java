package io.livehall.fair.pipeline;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;

import io.livehall.common.events.AfterCommit;
import io.livehall.fair.FairActivity;
import io.livehall.fair.PairProgress;
import io.livehall.fair.PairStage;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The pipeline as matching and meetings move it: a pair reaches MATCHED, CONTACTED or MET, is created if new, never
 * moves back nor out of SIGNED or DROPPED; one history row per creation or move. Runs in the caller's transaction (the
 * activity hint goes out after its commit). Stages past MET are for people only (they need amounts).
 */
@Component
class PairProgressRecorder implements PairProgress {

    private static final Set<PairStage> AUTOMATIC = EnumSet.of(PairStage.MATCHED, PairStage.CONTACTED, PairStage.MET);

    private final PipelineRepository pairs;
    private final FairActivity activity;
    private final AfterCommit afterCommit;
    private final Clock clock;

    PairProgressRecorder(PipelineRepository pairs, FairActivity activity, AfterCommit afterCommit, Clock clock) {
        this.pairs = pairs;
        this.activity = activity;
        this.afterCommit = afterCommit;
        this.clock = clock;
    }

    @Override
    public Mono<Void> reached(long fairId, long participantA, long participantB, PairStage stage, long byUserId) {
        if (!AUTOMATIC.contains(stage)) {
            return Mono.error(new IllegalArgumentException("Only MATCHED, CONTACTED and MET are reached automatically"));
        }
        if (participantA == participantB) {
            return Mono.empty();
        }
        return pairs.reach(fairId, Math.min(participantA, participantB), Math.max(participantA, participantB), stage,
                        byUserId > 0 ? byUserId : null, clock.instant())
                .flatMap(pairId -> afterCommit.run("fair-pipeline-activity",
                        () -> Mono.fromRunnable(() -> activity.changed(fairId, FairActivity.What.PIPELINE, pairId))))
                .then();
    }
}
