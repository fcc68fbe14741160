package io.livehall.training.room;

import java.time.Clock;

import io.livehall.training.TrainingSession;
import io.livehall.training.TrainingSessionListener;
import io.livehall.training.TrainingStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * A session that is no longer live closes its open poll, so its results are final. (Its own bean: a listener is
 * injected into the training service, so it may not depend on {@code TrainingSessions}, which depends on that service.)
 */
@Component
class PollsClosedAtTheEnd implements TrainingSessionListener {

    private final PollRepository repository;
    private final RoomSnapshots snapshots;
    private final Clock clock;

    PollsClosedAtTheEnd(PollRepository repository, RoomSnapshots snapshots, Clock clock) {
        this.repository = repository;
        this.snapshots = snapshots;
        this.clock = clock;
    }

    @Override
    public Mono<Void> changed(TrainingSession session) {
        if (session.status() == TrainingStatus.LIVE) {
            return Mono.empty();
        }
        return repository.closeOpen(session.id(), clock.instant())
                .doOnNext(n -> {
                    if (n > 0) {
                        snapshots.changed(Polls.TOPIC, session.id());
                    }
                })
                .then();
    }
}
