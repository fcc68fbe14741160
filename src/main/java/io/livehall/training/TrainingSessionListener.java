package io.livehall.training;

import reactor.core.publisher.Mono;

/**
 * A training feature that follows sessions' states (e.g. attendance closes its records when a session ends). Every bean
 * of this type hears each committed transition (SCHEDULED → LIVE → ENDED → REPLAY_AVAILABLE) once, after the commit,
 * on the instance that made it.
 */
public interface TrainingSessionListener {

    Mono<Void> changed(TrainingSession session);
}
