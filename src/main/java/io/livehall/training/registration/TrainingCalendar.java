package io.livehall.training.registration;

import java.net.URI;
import java.util.List;

import io.livehall.common.error.ApiProblem;
import io.livehall.training.TrainingSessions;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The calendar files of a session and of a whole series (public, like the sessions themselves). */
@Component
class TrainingCalendar {

    private final TrainingSessions trainings;
    private final TrainingCalendarFile file;

    TrainingCalendar(TrainingSessions trainings, TrainingCalendarFile file) {
        this.trainings = trainings;
        this.file = file;
    }

    Mono<String> ofSession(long sessionId, URI site) {
        return trainings.find(sessionId).switchIfEmpty(Mono.error(() -> ApiProblem.notFound("培训课程")))
                .flatMap(s -> render(List.of(s), site));
    }

    Mono<String> ofSeries(long seriesId, URI site) {
        return trainings.findSeries(seriesId).switchIfEmpty(Mono.error(() -> ApiProblem.notFound("培训系列")))
                .thenMany(trainings.sessionsOf(seriesId)).collectList()
                .flatMap(sessions -> render(sessions, site));
    }

    /** ical4j may consult its class-path resources (zone data, its settings) while writing: off the event loop. */
    private Mono<String> render(List<io.livehall.training.TrainingSession> sessions, URI site) {
        return Mono.fromCallable(() -> file.of(sessions, site)).subscribeOn(Schedulers.boundedElastic());
    }
}
