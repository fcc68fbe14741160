package io.livehall.training;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What the training features ({@code training.registration}, {@code .room}, {@code .attendance}, {@code .replay},
 * {@code .course}) know of series and sessions, and the one rule of who runs them: the {@code runBy} lookups answer 404
 * ("培训系列" / "培训课程") when the id is unknown or belongs to another organiser's series, so a feature never tells
 * apart "not there" from "not yours".
 */
@Component
public class TrainingSessions {

    private final TrainingRepository repository;
    private final TrainingService service;

    TrainingSessions(TrainingRepository repository, TrainingService service) {
        this.repository = repository;
        this.service = service;
    }

    /** A session by id; empty when there is none. */
    public Mono<TrainingSession> find(long sessionId) {
        return repository.session(sessionId);
    }

    /** A series by id; empty when there is none. */
    public Mono<TrainingSeries> findSeries(long seriesId) {
        return repository.series(seriesId);
    }

    /** The sessions of a series, in time order. */
    public Flux<TrainingSession> sessionsOf(long seriesId) {
        return repository.sessionsOf(seriesId);
    }

    /** The ids of a session's material files (uploaded documents), in the organiser's order. */
    public Flux<Long> materialFileIds(long sessionId) {
        return repository.materials(sessionId).map(TrainingViews.Material::fileId);
    }

    /** A session of a series this person runs; 404 otherwise. */
    public Mono<TrainingSession> runBy(TrainingStaff who, long sessionId) {
        return service.ownSession(who, sessionId);
    }

    /** A series this person runs; 404 otherwise. */
    public Mono<TrainingSeries> seriesRunBy(TrainingStaff who, long seriesId) {
        return service.own(who, seriesId);
    }

    /** ENDED → REPLAY_AVAILABLE (the replay feature, once a replay is set); 409 from any other state. */
    public Mono<TrainingSession> replayAvailable(TrainingStaff who, long sessionId) {
        return service.replayAvailable(who, sessionId);
    }
}
