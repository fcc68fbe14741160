package io.livehall.fair;

import reactor.core.publisher.Mono;

/**
 * The deal pipeline as the other fair features move it (implemented by {@code fair.pipeline}): matching reports a
 * pair MATCHED, meetings report CONTACTED (a request sent) and MET (a meeting held). A pair is unordered (A,B = B,A).
 * {@link #reached} moves the pair forward to {@code stage} if it is behind, creating it if new, and never moves it
 * back or out of DROPPED/SIGNED; it joins the caller's transaction. Callers look it up through an
 * {@code ObjectProvider} (absent: nothing to record).
 */
public interface PairProgress {

    Mono<Void> reached(long fairId, long participantA, long participantB, PairStage stage, long byUserId);
}
